package dev.apimoshell.snapshot;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.api.Query;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.internal.client.CatalogCache;
import dev.apimoshell.model.RawRecord;
import dev.apimoshell.testing.LoopbackWireMock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming a half-read list against a WireMock Apimo, and putting a finished folder in place. */
class WorkFolderTest {
  private static final String PATH = "/agencies/14/properties";

  @TempDir Path dir;
  private WireMockServer apimo;
  private ApimoClient client;

  @BeforeEach
  void start() {
    apimo = LoopbackWireMock.start();
    client =
        ApimoClient.connect(
            ApimoConfig.of("http://127.0.0.1:" + apimo.port(), "1", "secret-token")
                .withRequestsPerSecond(0),
            CatalogCache.none());
  }

  @AfterEach
  void stop() {
    apimo.stop();
  }

  /** Apimo's list as it is now, served two records a page at any offset. */
  private void serve(List<String> records) {
    for (int offset = 0; offset < records.size() + 2; offset += 1) {
      List<String> page =
          records.subList(Math.min(offset, records.size()), Math.min(offset + 2, records.size()));
      apimo.stubFor(
          get(urlPathEqualTo(PATH))
              .withQueryParam("offset", equalTo(String.valueOf(offset)))
              .willReturn(
                  okJson(
                      "{\"total_items\":"
                          + records.size()
                          + ",\"timestamp\":1764860531,\"properties\":["
                          + String.join(",", page)
                          + "]}")));
    }
    apimo.stubFor(
        get(urlPathEqualTo(PATH))
            .atPriority(10)
            .willReturn(
                okJson(
                    "{\"total_items\":"
                        + records.size()
                        + ",\"properties\":["
                        + String.join(",", records.subList(0, Math.min(2, records.size())))
                        + "]}")));
  }

  private Query<RawRecord> properties() {
    return client.agency(14).raw("properties").pageSize(2);
  }

  private static String record(int id) {
    return "{\"id\":" + id + ",\"ref\":\"P" + id + "\"}";
  }

  @Test
  void aResumeAfterRecordsDeletedAtApimoSkipsNone() throws IOException {
    Path file = dir.resolve("properties.ndjson");
    Files.writeString(
        dir.resolve("properties.ndjson.part"),
        record(1) + "\n" + record(2) + "\n" + record(3) + "\n" + record(4) + "\n");
    serve(List.of(record(1), record(3), record(4), record(5), record(6))); // 2 deleted since

    assertThat(WorkFolder.readInto(properties(), file, 2)).isEqualTo(6);

    assertThat(Files.readAllLines(file))
        .containsExactly(record(1), record(2), record(3), record(4), record(5), record(6));
  }

  @Test
  void idLessRecordsOfThePageReadAgainAreNotWrittenTwice() throws IOException {
    Path file = dir.resolve("properties.ndjson");
    String a = "{\"ref\":\"A\"}";
    String b = "{\"ref\":\"B\"}";
    String c = "{\"ref\":\"C\"}";
    Files.writeString(dir.resolve("properties.ndjson.part"), a + "\n" + b + "\n" + c + "\n");
    serve(List.of(a, b, c, a, record(9)));

    assertThat(WorkFolder.readInto(properties(), file, 2)).isEqualTo(5);

    assertThat(Files.readAllLines(file)).containsExactly(a, b, c, a, record(9));
  }

  @Test
  void aFailedMovePutsThePreviousFolderBack() throws IOException {
    Path target = Files.createDirectories(dir.resolve("agency-14"));
    Files.writeString(target.resolve("manifest.json"), "{\"agency\":14}");
    Path missing = dir.resolve(".agency-14.capture");

    assertThatThrownBy(() -> WorkFolder.replace(missing, target)).isInstanceOf(IOException.class);

    assertThat(target.resolve("manifest.json")).hasContent("{\"agency\":14}");
    assertThat(WorkFolder.beside(target, "old")).doesNotExist();
  }
}
