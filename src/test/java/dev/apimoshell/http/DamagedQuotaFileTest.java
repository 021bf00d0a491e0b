package dev.apimoshell.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.internal.http.QuotaCounter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quota count file that is damaged, not a file, or cannot be written: the count goes on, the
 * damaged file is kept aside as {@code .bad}, and one line says so, once.
 */
class DamagedQuotaFileTest {
  private static final URI API = URI.create("https://api.apimo.pro");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;

  private Path countFile() {
    return dir.resolve("api.apimo.pro-1234.count");
  }

  @Test
  void aCorruptFileIsMovedAsideAndSaidOnce() throws Exception {
    Files.writeString(countFile(), "2026-11-29 4x2\u0000garbage");
    var counter = new QuotaCounter(dir, API, "1234", CLOCK);

    counter.countOne();

    assertThat(Files.readString(dir.resolve("api.apimo.pro-1234.count.bad")))
        .isEqualTo("2026-11-29 4x2\u0000garbage");
    assertThat(Files.readString(countFile())).isEqualTo("2026-11-29 1\n");
    assertThat(counter.takeNotice())
        .isEqualTo(
            "Warning: the quota count file "
                + countFile()
                + " was damaged; moved aside as api.apimo.pro-1234.count.bad, so today's count"
                + " starts again from this run's requests.");
    assertThat(counter.takeNotice()).isNull();

    Files.writeString(countFile(), "damaged again");
    counter.countOne();
    assertThat(counter.takeNotice()).as("once a session").isNull();
    assertThat(counter.usage().used()).isEqualTo(2);
  }

  @Test
  void anotherDaysCountIsNoDamage() throws Exception {
    Files.writeString(countFile(), "2026-11-28 999\n");
    var counter = new QuotaCounter(dir, API, "1234", CLOCK);

    counter.countOne();

    assertThat(counter.usage().used()).isEqualTo(1);
    assertThat(counter.takeNotice()).isNull();
    assertThat(dir.resolve("api.apimo.pro-1234.count.bad")).doesNotExist();
  }

  @Test
  void aFifoInPlaceOfTheFileIsNeverOpened() throws Exception {
    new ProcessBuilder("mkfifo", countFile().toString()).start().waitFor();
    var counter = new QuotaCounter(dir, API, "1234", CLOCK);

    // without the check, reading the FIFO blocks forever
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> counter.usage());
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> counter.countOne());

    assertThat(Files.isRegularFile(countFile())).isTrue();
    assertThat(counter.takeNotice()).contains("was damaged; moved aside");
  }

  @Test
  void anUnwritableFolderCountsInMemoryAndSaysSoOnce() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("quota"), "a file where the folder should be");
    var counter = new QuotaCounter(notAFolder, API, "1234", CLOCK);

    counter.countOne();
    counter.countOne();

    assertThat(counter.usage().used()).isEqualTo(2);
    assertThat(counter.takeNotice())
        .startsWith(
            "Warning: cannot write the quota count file "
                + notAFolder.resolve("api.apimo.pro-1234.count"))
        .endsWith("this run counts its requests in memory only.");
    counter.countOne();
    assertThat(counter.takeNotice()).isNull();
  }

  @Test
  void theClientSaysItOnItsWarningChannelWithTheRequest() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/agencies")).willReturn(okJson("{\"agencies\":[]}")));
    Path file = dir.resolve("localhost-1.count"); // WireMock's base URL names localhost
    Files.writeString(file, "not a count");
    var http =
        new ApimoHttp(ApimoConfig.of(wm.baseUrl(), "1", "quota-test-token"), dir, CLOCK, true);
    List<String> warnings = new ArrayList<>();
    http.onWarning(warnings::add);

    http.get("/agencies", Map.of());
    http.get("/agencies", Map.of());

    assertThat(warnings).singleElement().asString().contains(file.toString(), ".bad");
    assertThat(http.quota().orElseThrow().used()).isEqualTo(2);
  }
}
