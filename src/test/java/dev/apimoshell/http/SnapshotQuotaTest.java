package dev.apimoshell.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.api.AgencyRef;
import dev.apimoshell.internal.client.CatalogCache;
import dev.apimoshell.internal.client.Session;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.snapshot.Snapshot;
import dev.apimoshell.snapshot.SnapshotListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capture says first what share of today's quota it will take, as counted on this machine. */
class SnapshotQuotaTest {
  @TempDir Path dir;

  @Test
  void theCostLineComesFirstWithTheShareOfTodaysQuotaAfterTheAgencyCheck() throws Exception {
    var printed = new ByteArrayOutputStream();
    try (Sandbox sandbox = Sandbox.start()) {
      var http =
          new ApimoHttp(
              ApimoConfig.of(sandbox.baseUrl(), sandbox.provider(), sandbox.token())
                  .withRequestsPerSecond(0),
              dir.resolve("quota"),
              Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC),
              true);
      var agency = AgencyRef.of(new Session(http, CatalogCache.none()), 14);
      Snapshot.capture(
          agency,
          dir.resolve("agency-14"),
          SnapshotListener.printing(new PrintStream(printed, true, StandardCharsets.UTF_8)));

      String printedText = printed.toString(StandardCharsets.UTF_8);
      // The cost line is wrapped to 78 columns: its first sentence, unwrapped.
      String first = printedText.substring(0, printedText.indexOf(".\n") + 1).replace("\n  ", " ");
      assertThat(printedText.lines()).allMatch(line -> line.length() <= 78);
      assertThat(first)
          .matches(
              "Capture of agency 14 into .*agency-14: 7 requests to count, then about \\d+ more"
                  + " \\(actions: at least one per user, 40 users\\); \\d+\\.\\d % of today's 1,000"
                  + " \\(8 used, 992 left\\)\\.");
      assertThat(http.quota().orElseThrow().used()).isEqualTo(sandbox.requestCount());
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.readString(file)).as(file.toString()).doesNotContain(sandbox.token());
        }
      }
    }
  }
}
