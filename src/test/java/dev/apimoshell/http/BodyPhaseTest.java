package dev.apimoshell.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.apimoshell.http.HostileServer.head;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.apimoshell.http.ApimoException.ConnectionException;
import dev.apimoshell.http.ApimoException.MalformedResponseException;
import dev.apimoshell.testing.LoopbackWireMock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults while the body arrives: cut, garbled, inflating, oversized, dripping, stalled. */
class BodyPhaseTest {
  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final String FIRST_PAGE = "GET /agencies/14/users?limit=10000&offset=0";

  @RegisterExtension
  static WireMockExtension wm = LoopbackWireMock.extension(o -> o.gzipDisabled(true));

  private void stub(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    wm.stubFor(get(urlPathEqualTo(Hostile.USERS)).willReturn(response));
  }

  private Throwable listFails() {
    return listFails(wm.baseUrl());
  }

  /** What listing agency 14's users from {@code baseUrl} threw, within the liveness bound. */
  private static Throwable listFails(String baseUrl) {
    return assertTimeoutPreemptively(
        BOUND, () -> catchIt(() -> Hostile.client(baseUrl).agency(14).users().list()));
  }

  @Test
  void truncatedJsonMidRecordSaysUnexpectedEndAndNamesTheRequest() {
    String page = Hostile.users(3, 1, 3);
    stub(aResponse().withStatus(200).withBody(page.substring(0, page.length() / 2)));

    assertThat(listFails())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining(FIRST_PAGE)
        .hasMessageContainingAll("nexpected end");
  }

  @Test
  void aBodyShorterThanItsContentLengthFailsAfterRetriesWithAClearMessage() throws Exception {
    try (var server =
        new HostileServer(
            (request, out, socket) -> {
              head(out, 200, "Content-Type: application/json", "Content-Length: 5000");
              out.write("{\"users\":[".getBytes(StandardCharsets.UTF_8));
            })) {
      Throwable failure = listFails(server.baseUrl());

      assertThat(failure).isInstanceOf(ConnectionException.class).hasMessageContaining(FIRST_PAGE);
      assertThat(server.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void anEmptyOkBodySaysTheBodyWasEmpty() {
    stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json"));

    assertThat(listFails())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining(FIRST_PAGE)
        .hasMessageContaining("the body was empty");
  }

  @Test
  void garbageDeclaredAsGzipSaysItIsNotValidGzipAndIsNotRetried() {
    stub(
        aResponse()
            .withStatus(200)
            .withHeader("Content-Encoding", "gzip")
            .withBody("this is not gzip at all"));

    assertThat(listFails())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining(FIRST_PAGE)
        .hasMessageContaining("not valid gzip")
        .message()
        .doesNotContain("Cannot reach");
    wm.verify(1, getRequestedFor(urlPathEqualTo(Hostile.USERS)));
  }

  @Test
  void gzipCutInHalfSaysItWasCutShort() {
    byte[] zipped = Hostile.gzip(Hostile.users(100, 1, 100));
    stub(
        aResponse()
            .withStatus(200)
            .withHeader("Content-Encoding", "gzip")
            .withBody(Arrays.copyOf(zipped, zipped.length / 2)));

    assertThat(listFails())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining(FIRST_PAGE)
        .hasMessageContaining("cut short");
  }

  @Test
  void validGzipIsDecoded() {
    stub(
        aResponse()
            .withStatus(200)
            .withHeader("Content-Encoding", "gzip")
            .withBody(Hostile.gzip(Hostile.users(25, 1, 25))));

    assertThat(Hostile.client(wm.baseUrl()).agency(14).users().list()).hasSize(25);
  }

  @Test
  void aGzipBombIsRefusedAtTheDecodedCap() {
    stub(
        aResponse()
            .withStatus(200)
            .withHeader("Content-Encoding", "gzip")
            .withBody(Hostile.bomb(64))); // 64 MiB of zeros from about 64 KiB

    assertThat(listFails())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining(FIRST_PAGE)
        .hasMessageContaining("inflates to more than 1 MiB");
  }

  @Test
  void aBodyAnnouncingMoreThanTheCapIsRefusedBeforeItArrives() throws Exception {
    try (var server =
        new HostileServer(
            (request, out, socket) -> {
              head(out, 200, "Content-Type: application/json", "Content-Length: 524288000");
              byte[] chunk = new byte[64 << 10];
              for (int i = 0; i < 8000; i++) {
                out.write(chunk);
              }
            })) {
      Throwable failure = listFails(server.baseUrl());

      assertThat(failure)
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining(FIRST_PAGE)
          .hasMessageContaining("announces 500 MiB")
          .hasMessageContaining("more than 1 MiB");
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void anEndlessChunkedBodyIsCutAtTheCap() throws Exception {
    try (var server =
        new HostileServer(
            (request, out, socket) -> {
              head(out, 200, "Content-Type: application/json");
              out.write("{\"users\":[".getBytes(StandardCharsets.UTF_8));
              byte[] records = (Hostile.user(1) + ",").repeat(500).getBytes(StandardCharsets.UTF_8);
              for (int i = 0; i < 100_000; i++) {
                out.write(records);
              }
            })) {
      Throwable failure = listFails(server.baseUrl());

      assertThat(failure)
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining(FIRST_PAGE)
          .hasMessageContaining("the body is more than 1 MiB");
    }
  }

  @Test
  void aBodyDrippingOneByteAtATimeEndsAtTheBodyTimeoutNamingTheRequest() throws Exception {
    try (var server =
        new HostileServer(
            (request, out, socket) -> {
              head(out, 200, "Content-Type: application/json", "Content-Length: 1000");
              for (int i = 0; i < 1000; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(50); // well within the 300 ms read timeout, forever in total
              }
            })) {
      Throwable failure = listFails(server.baseUrl());

      assertThat(failure)
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining(FIRST_PAGE)
          .hasMessageContaining("took longer than 1 s");
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void aStalledBodyEndsAtTheReadTimeoutNamingTheRequest() throws Exception {
    try (var server =
        new HostileServer(
            (request, out, socket) -> {
              head(out, 200, "Content-Type: application/json", "Content-Length: 1000");
              out.write("{\"users\":[".getBytes(StandardCharsets.UTF_8));
              out.flush();
              Thread.sleep(60_000);
            })) {
      Throwable failure = listFails(server.baseUrl());

      assertThat(failure)
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining(FIRST_PAGE)
          .hasMessageContaining("stalled");
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void aResetMidBodyOnEveryRequestIsRetriedThenAConnectionError() {
    stub(aResponse().withStatus(200).withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(listFails())
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining(FIRST_PAGE);
    // Three attempts; the JDK client may resend a GET once more on a reset connection.
    assertThat(
            wm.countRequestsMatching(getRequestedFor(urlPathEqualTo(Hostile.USERS)).build())
                .getCount())
        .isBetween(3, 6);
  }

  @Test
  void aResetOncePerUrlIsRecoveredByARetry() {
    wm.stubFor(
        get(urlPathEqualTo(Hostile.USERS))
            .inScenario("reset")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo(Hostile.USERS))
            .inScenario("reset")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200).withBody(Hostile.users(25, 1, 25))));

    assertThat(Hostile.client(wm.baseUrl()).agency(14).users().list()).hasSize(25);
  }

  @Test
  void anUnknownContentEncodingIsNamed() {
    stub(aResponse().withStatus(200).withHeader("Content-Encoding", "br").withBody("xx"));

    assertThat(listFails())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("encoded as 'br'");
  }

  static Throwable catchIt(Runnable action) {
    try {
      action.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
