package dev.apimoshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.model.NewLead;
import dev.apimoshell.snapshot.Change;
import dev.apimoshell.snapshot.Snapshot;
import dev.apimoshell.snapshot.SnapshotDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diff of a posted lead shows its name: capture agency 58 of the sandbox (a tenth of agency
 * 14), post a lead, refresh, diff; the ADDED row says who the lead is and holds the record.
 */
class DiffSaysWhatTheRecordIsTest extends AgainstTheSandbox {
  @TempDir Path dir;

  @Test
  void theAddedRowOfAPostedLeadShowsItsNameAndHoldsTheRecord() throws Exception {
    Path target = dir.resolve("agency-58");
    Snapshot.capture(client.agency(58), target);
    Path monday = dir.resolve("agency-58@monday");
    copyFolder(target, monday);

    long lead =
        client
            .agency(58)
            .sendLead(
                NewLead.of("Lefèvre", "helene@example.com").firstname("Hélène").message("Visit?"));
    client.refresh(target.toString());
    SnapshotDiff diff = Snapshot.diff(monday, target);

    List<Change> added = diff.resource("leads").added().changes();
    assertThat(added).hasSize(1);
    Change row = added.get(0);
    assertThat(row.id()).isEqualTo(String.valueOf(lead));
    assertThat(row.summary()).startsWith("Hélène Lefèvre <helene@example.com>");
    assertThat(row.before()).isNull();
    JsonNode record = Json.mapper().readTree(row.after());
    assertThat(record.get("lastname").asText()).isEqualTo("Lefèvre");
    assertThat(record.get("message").asText()).isEqualTo("Visit?");
    assertThat(diff.changed().changes()).allSatisfy(c -> assertThat(c.summary()).isNull());
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Files.copy(path, to.resolve(from.relativize(path).toString()));
      }
    }
  }
}
