package dev.apimoshell.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.http.ApimoException.ConnectionException;
import dev.apimoshell.http.ApimoException.HttpStatusException;
import dev.apimoshell.http.ApimoException.MalformedResponseException;
import dev.apimoshell.testing.LoopbackWireMock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults up to and including the status line and headers: no answer, the wrong kind of body,
 * redirects (never followed, so credentials never leave for another host).
 */
class HeadersPhaseTest {
  private static final String FIRST_PAGE = "GET /agencies/14/users?limit=10000&offset=0";

  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  @RegisterExtension static WireMockExtension elsewhere = LoopbackWireMock.extension();

  private Throwable answer(ResponseDefinitionBuilder response) {
    wm.stubFor(get(urlPathEqualTo(Hostile.USERS)).willReturn(response));
    return catchThrowable(() -> Hostile.client(wm.baseUrl()).agency(14).users().list());
  }

  private int requests() {
    return wm.countRequestsMatching(getRequestedFor(urlPathEqualTo(Hostile.USERS)).build())
        .getCount();
  }

  @Test
  void anHtmlPageWithStatus200IsInvalidJsonNamingTheRequest() {
    assertThat(answer(aResponse().withStatus(200).withBody("<html><body>Hi</body></html>")))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining(FIRST_PAGE)
        .hasMessageContaining("invalid JSON");
  }

  @Test
  void anHtmlPageWithStatus502IsRetriedThenReported() {
    assertThat(answer(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")))
        .isInstanceOf(HttpStatusException.class)
        .hasMessageContaining("HTTP 502");
    assertThat(requests()).isEqualTo(3);
  }

  @Test
  void validJsonLabelledAsHtmlIsAccepted() {
    wm.stubFor(
        get(urlPathEqualTo(Hostile.USERS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody(Hostile.users(2, 1, 2))));

    assertThat(Hostile.client(wm.baseUrl()).agency(14).users().list()).hasSize(2);
  }

  @Test
  void anXmlBodyIsInvalidJson() {
    assertThat(
            answer(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/xml")
                    .withBody("<users><user id=\"1\"/></users>")))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("invalid JSON");
  }

  @Test
  void aConnectionClosedWithoutAResponseIsRetriedThenAConnectionError() {
    assertThat(answer(aResponse().withFault(Fault.EMPTY_RESPONSE)))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining(FIRST_PAGE);
    assertThat(requests()).isBetween(3, 6);
  }

  @Test
  void noResponseHeadersAtAllEndsAtTheRequestTimeout() throws Exception {
    try (var server = new HostileServer((request, out, socket) -> Thread.sleep(60_000))) {
      var config =
          Hostile.config(server.baseUrl())
              .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
              .withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1));

      Throwable failure =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () -> catchThrowable(() -> Hostile.client(config).agency(14).users().list()));

      assertThat(failure)
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("No answer from " + server.baseUrl())
          .hasMessageContaining(FIRST_PAGE);
    }
  }

  @Test
  void aRedirectToTheSameHostIsNotFollowedAndSaysWhereItPointed() {
    Throwable failure =
        answer(
            aResponse()
                .withStatus(301)
                .withHeader("Location", wm.baseUrl() + "/v2/agencies/14/users"));

    assertThat(failure)
        .isInstanceOf(HttpStatusException.class)
        .hasMessageContaining("HTTP 301 for " + FIRST_PAGE)
        .hasMessageContaining("redirects to " + wm.baseUrl() + "/v2/agencies/14/users")
        .hasMessageContaining("APIMO_BASE_URL");
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void aRedirectWithoutLocationSaysSo() {
    assertThat(answer(aResponse().withStatus(302)))
        .hasMessageContaining("HTTP 302")
        .hasMessageContaining("no Location header");
  }

  @Test
  void aRedirectToAnotherHostNeverSendsTheCredentialsThere() {
    elsewhere.stubFor(get(urlPathEqualTo(Hostile.USERS)).willReturn(aResponse().withStatus(200)));
    String target = elsewhere.baseUrl() + Hostile.USERS;

    Throwable failure = answer(aResponse().withStatus(302).withHeader("Location", target));

    assertThat(failure).hasMessageContaining("redirects to " + target);
    assertThat(elsewhere.getAllServeEvents()).isEmpty();
  }

  @Test
  void aDowngradeRedirectToPlainHttpIsNotFollowed() {
    Throwable failure =
        answer(
            aResponse()
                .withStatus(301)
                .withHeader("Location", "http://api.example.invalid/agencies/14/users"));

    assertThat(failure)
        .isInstanceOf(HttpStatusException.class)
        .hasMessageContaining("redirects to http://api.example.invalid/agencies/14/users");
    assertThat(requests()).isEqualTo(1);
  }
}
