package dev.apimoshell.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.Apimo;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.DefaultClientReset;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.testing.LoopbackWireMock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /http on} says when each request started and how long it queued for the rate limit. */
@ExtendWith(DefaultClientReset.class)
class HttpTraceTimingTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  private String traceTwoRequests(double perSecond) {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .willReturn(aResponse().withBody("{\"users\":[],\"total_items\":0}")));
    ApimoClient client =
        ApimoClient.connect(
            ApimoConfig.of(wm.baseUrl(), "1234", "secret-token").withRequestsPerSecond(perSecond));
    Apimo.useDefault(client);
    var text = new StringWriter();
    var trace = new HttpTrace(new PrintWriter(text));
    trace.on();
    ApimoHttp.engine(client.http()).get("/agencies/14/users", Map.of("offset", 0));
    ApimoHttp.engine(client.http()).get("/agencies/14/users", Map.of("offset", 1));
    trace.off();
    return text.toString();
  }

  @Test
  void eachLineSaysItsStartAndItsWaitForTheRateLimit() {
    String trace = traceTwoRequests(5);

    assertThat(trace.lines())
        .hasSize(2)
        .allSatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "http: GET "
                            + Pattern.quote(wm.baseUrl())
                            + "/agencies/14/users\\?offset=\\d"
                            + " 200 \\d+ ms \\d+ B, started \\d+ ms after /http on,"
                            + " waited \\d+ ms for the rate limit"));
    // At 5/s the second request queues for most of the 210 ms interval.
    assertThat(trace.lines().skip(1).findFirst().orElseThrow()).doesNotContain("waited 0 ms");
    assertThat(trace).doesNotContain("secret-token");
  }

  @Test
  void withoutALimitThereIsNoWaitToShow() {
    String trace = traceTwoRequests(0);

    assertThat(trace.lines())
        .hasSize(2)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains(", started ")
                    .contains(" ms after /http on")
                    .doesNotContain("waited"));
  }
}
