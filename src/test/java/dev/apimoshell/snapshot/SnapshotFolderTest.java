package dev.apimoshell.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.internal.snapshot.Manifest;
import dev.apimoshell.internal.snapshot.Resource;
import dev.apimoshell.internal.snapshot.SnapshotFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFolderTest {
  @TempDir Path dir;

  @Test
  void manifestRoundTripsInSnakeCase() throws Exception {
    var entry =
        new Manifest.Entry(
            "properties.ndjson", 2, 1764860531L, true, Instant.parse("2026-12-04T15:02:10Z"));
    var manifest =
        new Manifest(
            Manifest.FORMAT,
            "apimo-shell test",
            Instant.parse("2026-12-04T15:02:11Z"),
            "http://127.0.0.1:1",
            "1",
            14,
            List.of("fr", "en"),
            7,
            true,
            Map.of("properties", entry));
    manifest.write(dir);

    String json = Files.readString(dir.resolve("manifest.json"));
    assertThat(json)
        .contains("\"created_at\"", "\"fetched_at\"", "\"base_url\"", "2026-12-04T15:02:11Z");
    assertThat(Manifest.read(dir)).isEqualTo(manifest);
    assertThat(manifest.entry(Resource.PROPERTIES)).isEqualTo(entry);
    assertThat(manifest.entry(Resource.USERS)).isNull();
  }

  @Test
  void recordsAreReadAsSentLineByLine() throws Exception {
    new Manifest(1, "t", Instant.EPOCH, "u", "1", 14, List.of(), 0, true, Map.of()).write(dir);
    Files.writeString(
        dir.resolve("users.ndjson"), "{\"id\":\"9\",\"phone\":null}\n\n{\"id\":\"10\"}\n");

    var folder = SnapshotFolder.open(dir);
    try (Stream<?> users = folder.records(Resource.USERS)) {
      assertThat(users.map(Object::toString))
          .containsExactly("{\"id\":\"9\",\"phone\":null}", "{\"id\":\"10\"}");
    }
    try (Stream<?> leads = folder.records(Resource.LEADS)) {
      assertThat(leads).isEmpty();
    }
    assertThat(folder.catalog("user_group", "fr")).isEmpty();
  }

  @Test
  void aFolderWithoutManifestIsRefusedInWords() {
    assertThatThrownBy(() -> SnapshotFolder.open(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No snapshot at " + dir + ": it has no manifest.json");
    assertThatThrownBy(() -> SnapshotFolder.open(dir.resolve("nope")))
        .hasMessageContaining("no such folder");
  }

  @Test
  void resourcesAreNamedAsInApimoAnswers() {
    assertThat(Resource.named("Properties")).isEqualTo(Resource.PROPERTIES);
    assertThat(Resource.ACTIONS.fileName()).isEqualTo("actions.ndjson");
    assertThatThrownBy(() -> Resource.named("agents")).hasMessageContaining("users, actions");
  }
}
