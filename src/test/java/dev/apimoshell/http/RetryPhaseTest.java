package dev.apimoshell.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoException.HttpStatusException;
import dev.apimoshell.http.ApimoException.QuotaExceededException;
import dev.apimoshell.internal.http.RetryAfter;
import dev.apimoshell.testing.LoopbackWireMock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the client does between attempts: which answers it retries, how long it waits, and says. */
class RetryPhaseTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  private final List<RetryWait> retries = new ArrayList<>();
  private final List<Exchange> exchanges = new ArrayList<>();
  private ApimoClient client;

  @BeforeEach
  void setUp() {
    client = traced(Hostile.config(wm.baseUrl()));
  }

  private ApimoClient traced(ApimoConfig config) {
    ApimoClient c = ApimoClient.connect(config);
    c.http()
        .addListener(
            new ExchangeListener() {
              @Override
              public void onExchange(Exchange exchange) {
                exchanges.add(exchange);
              }

              @Override
              public void onRetry(RetryWait retry) {
                retries.add(retry);
              }
            });
    return c;
  }

  private void always(ResponseDefinitionBuilder response) {
    wm.stubFor(get(urlPathEqualTo(Hostile.USERS)).willReturn(response));
  }

  private int requests() {
    return wm.countRequestsMatching(getRequestedFor(urlPathEqualTo(Hostile.USERS)).build())
        .getCount();
  }

  @Test
  void tooManyRequestsForeverGivesUpAfterTheRetriesWithTheQuotaMessage() {
    always(aResponse().withStatus(429));

    Throwable failure = catchThrowable(() -> client.agency(14).users().list());

    assertThat(failure).isInstanceOf(QuotaExceededException.class).hasMessageContaining("quota");
    assertThat(requests()).isEqualTo(3);
    assertThat(retries).hasSize(2);
    assertThat(retries.get(0).toString()).contains("retry 1 of 2", "after HTTP 429");
  }

  @Test
  void aShortRetryAfterIsHonoured() {
    client =
        traced(
            Hostile.config(wm.baseUrl())
                .withRetries(1, Duration.ofMillis(1), Duration.ofSeconds(5)));
    always(aResponse().withStatus(429).withHeader("Retry-After", "1"));

    Throwable failure = catchThrowable(() -> client.agency(14).users().list());

    assertThat(failure).isInstanceOf(QuotaExceededException.class);
    assertThat(retries).extracting(RetryWait::delay).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aRetryAfterOfADayFailsAtOnceSayingWhatApimoAskedFor() {
    always(aResponse().withStatus(503).withHeader("Retry-After", "86400"));

    Throwable failure = catchThrowable(() -> client.agency(14).users().list());

    assertThat(failure)
        .isInstanceOf(HttpStatusException.class)
        .hasMessageContaining("HTTP 503 for GET /agencies/14/users")
        .hasMessageContaining("Apimo asked to wait 86400 s (about 1.0 days) (Retry-After)")
        .hasMessageContaining("did not retry");
    assertThat(requests()).isEqualTo(1);
    assertThat(retries).isEmpty();
  }

  @Test
  void aRetryAfterDateADayAheadFailsAtOnceToo() {
    String tomorrow =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusDays(1));
    always(aResponse().withStatus(503).withHeader("Retry-After", tomorrow));

    Throwable failure = catchThrowable(() -> client.agency(14).users().list());

    assertThat(failure)
        .isInstanceOf(HttpStatusException.class)
        .hasMessageContaining("Apimo asked to wait 86")
        .hasMessageContaining("Retry-After");
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void aLongRetryAfterOnTooManyRequestsKeepsTheQuotaMessageAndSaysTheWait() {
    always(aResponse().withStatus(429).withHeader("Retry-After", "3600"));

    Throwable failure = catchThrowable(() -> client.agency(14).users().list());

    assertThat(failure)
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining("quota")
        .hasMessageContaining("Apimo asked to wait 3600 s (about 1.0 hours)");
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void aGarbledRetryAfterFallsBackToTheBackoff() {
    always(aResponse().withStatus(503).withHeader("Retry-After", "soon"));

    Throwable failure = catchThrowable(() -> client.agency(14).users().list());

    assertThat(failure).isInstanceOf(HttpStatusException.class);
    assertThat(requests()).isEqualTo(3);
    assertThat(retries)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.delay()).isLessThan(Duration.ofSeconds(1)));
  }

  @Test
  void twoFailuresThenSuccessRecoversAndEveryRetryShowsInTheTrace() {
    wm.stubFor(
        get(urlPathEqualTo(Hostile.USERS))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("again"));
    wm.stubFor(
        get(urlPathEqualTo(Hostile.USERS))
            .inScenario("flaky")
            .whenScenarioStateIs("again")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo(Hostile.USERS))
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200).withBody(Hostile.users(25, 1, 25))));

    assertThat(client.agency(14).users().list()).hasSize(25);
    assertThat(retries)
        .extracting(RetryWait::retry, RetryWait::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "HTTP 503"),
            org.assertj.core.groups.Tuple.tuple(2, "HTTP 503"));
    assertThat(retries.get(0).url()).startsWith(wm.baseUrl() + Hostile.USERS + "?");
    assertThat(exchanges).hasSize(1);
  }

  @Test
  void aPostAnsweredWithAServerErrorIsSentExactlyOnce() {
    wm.stubFor(
        post(urlPathEqualTo("/agencies/14/actions")).willReturn(aResponse().withStatus(500)));

    Throwable failure =
        catchThrowable(
            () ->
                client
                    .http()
                    .postJson("/agencies/14/actions", "{}".getBytes(StandardCharsets.UTF_8)));

    assertThat(failure).isInstanceOf(HttpStatusException.class).hasMessageContaining("HTTP 500");
    wm.verify(1, postRequestedFor(urlPathEqualTo("/agencies/14/actions")));
    assertThat(retries).isEmpty();
  }

  @Test
  void retryAfterParsesSecondsAndDatesAndIgnoresGarbage() {
    var clock =
        java.time.Clock.fixed(java.time.Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofMinutes(2));
    assertThat(RetryAfter.parse("Mon, 30 Nov 2026 12:00:00 GMT", clock))
        .contains(Duration.ofDays(1));
    assertThat(RetryAfter.parse("Sun, 29 Nov 2026 11:00:00 GMT", clock)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
  }
}
