package dev.apimoshell.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.internal.http.QuotaCounter;
import dev.apimoshell.testing.LoopbackWireMock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The daily request count: on disk, shared by runs, reset at midnight in Paris, warned at 80 %. */
class QuotaTest {
  private static final URI API = URI.create("https://api.apimo.pro");

  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  @TempDir Path dir;

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Test
  void onlyLoopbackServersGoUncounted() {
    // A real host named 127.something is not this machine; its requests count.
    assertThat(QuotaCounter.isLoopback(URI.create("https://127.example.com"))).isFalse();
    assertThat(QuotaCounter.isLoopback(URI.create("https://api.apimo.pro"))).isFalse();
    assertThat(QuotaCounter.isLoopback(URI.create("http://LOCALHOST:8080"))).isTrue();
    assertThat(QuotaCounter.isLoopback(URI.create("http://127.0.0.1:8080"))).isTrue();
    assertThat(QuotaCounter.isLoopback(URI.create("http://[::1]:8080"))).isTrue();
  }

  @Test
  void separateRunsAddUpInTheCacheDirectory() {
    Clock clock = at("2026-11-29T10:00:00Z");
    var first = new QuotaCounter(dir, API, "1234", clock);
    var second = new QuotaCounter(dir, API, "1234", clock);

    first.countOne();
    first.countOne();
    second.countOne();
    first.flush(); // a run hands its count over when its client closes, or every few requests

    assertThat(second.usage().used()).isEqualTo(3);
    assertThat(first.usage().used()).isEqualTo(3);
    assertThat(new QuotaCounter(dir, API, "9999", clock).usage().used()).isZero();
  }

  @Test
  void theDayEndsAtMidnightInParisNotUtc() {
    // 23:30 UTC on 29 November is already 00:30 on the 30th in Paris.
    new QuotaCounter(dir, API, "1234", at("2026-11-29T22:30:00Z")).countOne();
    var afterParisMidnight = new QuotaCounter(dir, API, "1234", at("2026-11-29T23:30:00Z"));

    assertThat(afterParisMidnight.usage().used()).isZero();
    assertThat(afterParisMidnight.usage().day()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(new QuotaCounter(dir, API, "1234", at("2026-11-29T22:59:00Z")).usage().used())
        .isEqualTo(1);
  }

  @Test
  void concurrentCountersLoseNoCount() throws Exception {
    Clock clock = at("2026-11-29T10:00:00Z");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      var counter = new QuotaCounter(dir, API, "1234", clock);
      pool.submit(
          () -> {
            for (int i = 0; i < 25; i++) {
              counter.countOne();
            }
            counter.flush();
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(new QuotaCounter(dir, API, "1234", clock).usage().used()).isEqualTo(100);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(name -> name.endsWith(".count") || name.endsWith(".lock"));
    }
  }

  @Test
  void warnsOnceAtEightyPercent() {
    Clock clock = at("2026-11-29T10:00:00Z");
    var counter = new QuotaCounter(dir, API, "1234", clock);
    List<Long> warnedAt = new ArrayList<>();
    for (int i = 0; i < 900; i++) {
      QuotaUsage crossed = counter.countOne();
      if (crossed != null) {
        warnedAt.add(crossed.used());
      }
    }
    assertThat(warnedAt).containsExactly(800L);
  }

  @Test
  void aSessionCountsEveryRequestRetriesIncludedWarnsAndShowsTheRemainder() {
    wm.stubFor(get(urlPathEqualTo(Hostile.USERS)).willReturn(okJson(Hostile.users(1, 1, 1))));
    Clock clock = at("2026-11-29T10:00:00Z");
    var seed = new QuotaCounter(dir, URI.create(wm.baseUrl()), Hostile.PROVIDER, clock);
    for (int i = 0; i < 799; i++) {
      seed.countOne();
    }
    var http = new ApimoHttp(Hostile.config(wm.baseUrl()), dir, clock, true);
    var warnings = new ArrayList<String>();
    var events = new ArrayList<QuotaUsage>();
    http.onWarning(warnings::add);
    http.addListener(
        new ExchangeListener() {
          @Override
          public void onExchange(Exchange exchange) {}

          @Override
          public void onQuotaWarning(QuotaUsage usage) {
            events.add(usage);
          }
        });

    http.get(Hostile.USERS, Map.of("limit", 1));
    http.get(Hostile.USERS, Map.of("limit", 1));

    assertThat(http.quota()).get().extracting(QuotaUsage::used).isEqualTo(801L);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("800 of 1,000 requests used today", "200 left");
    assertThat(events).hasSize(1);
    assertThat(http.quotaNotice(150)).get().asString().contains("150 requests", "199 of 1,000");
    assertThat(http.quotaNotice(500)).get().asString().contains("refuse the rest");
    assertThat(http.quotaNotice(3)).isEmpty();
  }

  @Test
  void aLoopbackServerHasNoQuota() {
    var http = new ApimoHttp(Hostile.config(wm.baseUrl()), dir);

    assertThat(http.quota()).isEmpty();
    assertThat(http.quotaNotice(5000)).isEmpty();
  }

  @Test
  void theZoneIsParis() {
    assertThat(QuotaCounter.APIMO_ZONE).isEqualTo(ZoneId.of("Europe/Paris"));
  }
}
