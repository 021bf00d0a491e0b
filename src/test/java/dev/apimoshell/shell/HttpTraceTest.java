package dev.apimoshell.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.apimoshell.Apimo;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.DefaultClientReset;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.testing.LoopbackWireMock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /http on} shows each retry with its reason and wait, not just the final exchange. */
@ExtendWith(DefaultClientReset.class)
class HttpTraceTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  @Test
  void aRequestRetriedTwiceShowsThreeLines() {
    String users = "/agencies/14/users";
    wm.stubFor(
        get(urlPathEqualTo(users))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("again"));
    wm.stubFor(
        get(urlPathEqualTo(users))
            .inScenario("flaky")
            .whenScenarioStateIs("again")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo(users))
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("{\"users\":[{\"id\":\"9\"}],\"total_items\":1}")));
    Apimo.useDefault(
        ApimoClient.connect(
            ApimoConfig.of(wm.baseUrl(), "1234", "secret-token")
                .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5))
                .withRequestsPerSecond(0)));
    var text = new StringWriter();
    var trace = new HttpTrace(new PrintWriter(text));

    trace.on();
    Apimo.agency(14).users().list();
    trace.off();

    assertThat(text.toString().lines())
        .hasSize(3)
        .satisfiesExactly(
            line ->
                assertThat(line).startsWith("http: retry 1 of 2 of GET").contains("after HTTP 503"),
            line ->
                assertThat(line)
                    .startsWith("http: retry 2 of 2 of GET")
                    .contains("after HTTP 429", "waiting 0 ms"),
            line ->
                assertThat(line).startsWith("http: GET " + wm.baseUrl() + users).contains(" 200 "));
    assertThat(text.toString()).doesNotContain("secret-token");
  }
}
