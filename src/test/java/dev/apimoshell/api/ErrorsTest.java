package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.apimoshell.Apimo;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.ApimoException;
import dev.apimoshell.http.ApimoException.AccessDeniedException;
import dev.apimoshell.http.ApimoException.AuthenticationException;
import dev.apimoshell.http.ApimoException.ConnectionException;
import dev.apimoshell.http.ApimoException.MalformedResponseException;
import dev.apimoshell.http.ApimoException.NotFoundException;
import dev.apimoshell.http.ApimoException.QuotaExceededException;
import dev.apimoshell.http.Exchange;
import dev.apimoshell.model.User;
import dev.apimoshell.testing.LoopbackWireMock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ErrorsTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  private ApimoClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(wm.baseUrl());
  }

  private Throwable usersFailure(int status, String body) {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .willReturn(aResponse().withStatus(status).withBody(body)));
    return catchThrowable(() -> client.agency(14).users().list());
  }

  @Test
  void sendsPreemptiveBasicAuthJsonAcceptAndUserAgent() {
    wm.stubFor(get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson(Fixtures.users(1, 9))));

    client.agency(14).users().list();

    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((Fixtures.PROVIDER + ":" + Fixtures.TOKEN).getBytes());
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo("/agencies/14/users"))
            .withHeader("Authorization", equalTo(basic))
            .withHeader("Accept", equalTo("application/json"))
            .withHeader(
                "User-Agent",
                com.github.tomakehurst.wiremock.client.WireMock.matching("apimo-shell/.+")));
  }

  @Test
  void gzipBodiesAreDecoded() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson(Fixtures.users(2, 1, 2))));

    assertThat(client.agency(14).users().list()).hasSize(2);
    assertThat(
            wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/users")))
                .get(0)
                .getHeader("Accept-Encoding"))
        .contains("gzip");
  }

  @Test
  void unauthorizedNamesTheProviderAndTheVariablesToCheck() {
    Throwable e = usersFailure(401, "Unauthorized");
    assertThat(e)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("provider 1234")
        .hasMessageContaining("APIMO_PROVIDER")
        .hasMessageContaining("APIMO_TOKEN");
    assertThat(((ApimoException) e).status()).isEqualTo(401);
    assertThat(((ApimoException) e).method()).isEqualTo("GET");
    assertThat(((ApimoException) e).target()).isEqualTo("/agencies/14/users?limit=10000&offset=0");
  }

  @Test
  void forbiddenSaysTheAgencyIsInactiveOrNotLinked() {
    assertThat(usersFailure(403, ""))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("agency 14 is inactive or not linked to provider 1234");
  }

  @Test
  void notFoundSaysWhichAgencyOrUser() {
    assertThat(usersFailure(404, "{\"error\":\"not found\"}"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("agency 14 does not exist");

    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users/77/actions"))
            .willReturn(aResponse().withStatus(404)));
    assertThatThrownBy(() -> client.agency(14).user(77).actions().list())
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("agency 14 or its user 77 does not exist");
  }

  @Test
  void quotaExceededAfterRetriesSaysSo() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));

    assertThatThrownBy(() -> client.agency(14).users().list())
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining("quota is exceeded");
    wm.verify(3, getRequestedFor(urlPathEqualTo("/agencies/14/users")));
  }

  @Test
  void transientErrorsAreRetried() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("reset"));
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .inScenario("flaky")
            .whenScenarioStateIs("reset")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(Fixtures.users(1, 9))));

    assertThat(client.agency(14).users().list()).extracting(User::id).containsExactly(9L);
    wm.verify(3, getRequestedFor(urlPathEqualTo("/agencies/14/users")));
  }

  @Test
  void serverErrorsThatPersistShowStatusPathAndBody() {
    Throwable e = usersFailure(500, "Internal trouble\n in module X");
    assertThat(e)
        .isInstanceOf(ApimoException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("/agencies/14/users")
        .hasMessageContaining("Internal trouble in module X");
    assertThat(((ApimoException) e).bodyExcerpt()).isEqualTo("Internal trouble in module X");
  }

  @Test
  void invalidJsonNamesTheRequestAndTheLineAndColumn() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .willReturn(okJson("{\"users\":[\n{\"id\":\"9\",, }]}")));

    assertThatThrownBy(() -> client.agency(14).users().list())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("GET /agencies/14/users?limit=10000&offset=0")
        .hasMessageContaining("line 2, column 11");
  }

  @Test
  void aBodyWithoutTheListIsReportedNotSilentlyEmpty() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .willReturn(okJson("{\"error\":\"maintenance\"}")));

    assertThatThrownBy(() -> client.agency(14).users().list())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("no 'users' list");
  }

  @Test
  void anUnreachableHostNamesTheUrlAndTheCause() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;
    ApimoClient unreachable =
        ApimoClient.connect(
            ApimoConfig.of(url, "1", "secret-xyz")
                .withRetries(0, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1))
                .withRequestsPerSecond(0));

    assertThatThrownBy(() -> unreachable.agency(14).users().count())
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("Cannot reach " + url)
        .hasMessageContaining("connection refused")
        .hasMessageContaining("APIMO_BASE_URL");
  }

  @Test
  void noCredentialsIsAClearErrorBeforeAnyRequest() {
    ApimoClient anonymous =
        ApimoClient.connect(ApimoConfig.fromEnvironment(Map.of("APIMO_BASE_URL", wm.baseUrl())));

    assertThatThrownBy(() -> anonymous.agency(14).users().list())
        .isInstanceOf(ApimoException.ConfigurationException.class)
        .hasMessageContaining("APIMO_PROVIDER and APIMO_TOKEN")
        .hasMessageContaining("ApimoClient.builder()");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void theTokenAppearsNowhere() {
    var exchanges = new ArrayList<Exchange>();
    client.http().addListener(exchanges::add);
    List<Throwable> failures = new ArrayList<>();
    for (int status : new int[] {400, 401, 403, 404, 429, 500}) {
      failures.add(usersFailure(status, "echo " + status));
    }
    wm.stubFor(get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson("{not json")));
    failures.add(catchThrowable(() -> client.agency(14).users().list()));

    var everything = new StringBuilder();
    for (Throwable failure : failures) {
      assertThat(failure).isInstanceOf(ApimoException.class);
      var trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      everything.append(trace).append(failure);
    }
    exchanges.forEach(everything::append);
    everything
        .append(client)
        .append(client.http())
        .append(client.http().config())
        .append(Apimo.class);
    String encoded =
        Base64.getEncoder().encodeToString((Fixtures.PROVIDER + ":" + Fixtures.TOKEN).getBytes());
    assertThat(everything.toString())
        .doesNotContain(Fixtures.TOKEN)
        .doesNotContain(encoded)
        .contains("provider 1234");
  }

  @Test
  void everyExchangeIsTracedWithStatusAndSize() {
    wm.stubFor(get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson(Fixtures.users(1, 9))));
    var exchanges = new ArrayList<Exchange>();
    client.http().addListener(exchanges::add);

    client.agency(14).users().list();

    assertThat(exchanges).hasSize(1);
    Exchange e = exchanges.get(0);
    assertThat(e.toString())
        .startsWith("GET " + wm.baseUrl() + "/agencies/14/users?limit=10000&offset=0 200 ");
    assertThat(e.bytes())
        .isEqualTo(Fixtures.users(1, 9).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    assertThat(client.http().lastExchange().bodyText()).contains("D'Artagnan 9");
  }

  @Test
  void baseUrlsAreValidatedAndNeverCarryCredentials() {
    assertThatThrownBy(() -> ApimoConfig.of("api.apimo.pro", "1", "x"))
        .hasMessageContaining("Not a valid base URL");
    assertThatThrownBy(() -> ApimoConfig.of("https://1:secret@api.apimo.pro", "1", "x"))
        .hasMessageContaining("not in the base URL")
        .message()
        .doesNotContain("secret");
    assertThat(ApimoConfig.of("https://api.apimo.pro/", "1", "x").baseUrl().toString())
        .isEqualTo("https://api.apimo.pro");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheField() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .willReturn(
                okJson(
                    "{\"users\":[{\"id\":\"9\",\"created_at\":\"yesterday\"}],\"total_items\":1}")));

    assertThatThrownBy(() -> client.agency(14).users().list())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("a value that does not fit User in 'users[0].created_at' at line 1")
        .hasMessageContaining("yesterday");
  }

  @Test
  void aConfigPrintedAsATableOrExportedKeepsTheTokenOut(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    var config = client.http().config();
    String table = dev.apimoshell.internal.export.Table.render(List.of(config), List.of(), 200);
    var file = dir.resolve("config.json");
    dev.apimoshell.Apimo.export(config, file.toString());

    assertThat(table).contains("provider").doesNotContain(Fixtures.TOKEN);
    assertThat(java.nio.file.Files.readString(file))
        .contains("1234")
        .doesNotContain(Fixtures.TOKEN);
  }
}
