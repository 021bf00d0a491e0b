package dev.apimoshell.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.internal.http.ErrorMessages;
import dev.apimoshell.internal.http.Secrets;
import dev.apimoshell.testing.LoopbackWireMock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server that echoes the credentials back never gets them printed. */
class SecretsTest {
  private static final String BASIC_CREDENTIAL =
      Base64.getEncoder()
          .encodeToString(
              (Hostile.PROVIDER + ":" + Hostile.TOKEN).getBytes(StandardCharsets.UTF_8));

  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  /** Every form of the token a careless server might send back. */
  private static List<String> echoes() {
    String urlEncoded = URLEncoder.encode(Hostile.TOKEN, StandardCharsets.UTF_8);
    String urlEncodedCredential =
        URLEncoder.encode(Hostile.PROVIDER, StandardCharsets.UTF_8) + ":" + urlEncoded;
    return List.of(
        Hostile.TOKEN,
        urlEncoded,
        BASIC_CREDENTIAL,
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                (Hostile.PROVIDER + ":" + Hostile.TOKEN).getBytes(StandardCharsets.UTF_8)),
        Base64.getEncoder().encodeToString(urlEncodedCredential.getBytes(StandardCharsets.UTF_8)),
        // the token inside a longer Base64 text, at another alignment
        Base64.getEncoder()
            .encodeToString(
                ("Authorization: Basic x " + Hostile.TOKEN + " end")
                    .getBytes(StandardCharsets.UTF_8)),
        Base64.getEncoder()
            .encodeToString(("ab" + Hostile.TOKEN).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void credentialsEchoedInAnErrorBodyAreRedactedFromMessageExcerptTraceAndLastExchange() {
    var body = new StringBuilder("{\"error\":\"bad request\",\"echo\":[");
    for (String echo : echoes()) {
      body.append("\"").append(echo).append("\",");
    }
    body.append("\"Authorization: Basic ").append(BASIC_CREDENTIAL).append("\"]}");
    wm.stubFor(
        get(urlPathEqualTo(Hostile.USERS))
            .willReturn(aResponse().withStatus(400).withBody(body.toString())));
    ApimoClient client = Hostile.client(wm.baseUrl());
    var traced = new ArrayList<Exchange>();
    client.http().addListener(traced::add);

    Throwable failure = catchThrowable(() -> client.agency(14).users().list());

    assertThat(failure).isInstanceOf(ApimoException.class).hasMessageContaining("Apimo said:");
    var everything = new StringWriter();
    failure.printStackTrace(new PrintWriter(everything));
    everything.append(((ApimoException) failure).bodyExcerpt());
    traced.forEach(e -> everything.append(e.toString()).append(e.bodyText()));
    everything.append(client.http().lastExchange().bodyText());
    assertThat(everything.toString()).contains(Secrets.MARK);
    for (String echo : echoes()) {
      assertThat(everything.toString()).doesNotContain(echo);
    }
    assertThat(everything.toString()).doesNotContain(Hostile.TOKEN).doesNotContain("Very/Secret");
  }

  @Test
  void controlCharactersInAnExcerptAreNeutralised() {
    wm.stubFor(
        get(urlPathEqualTo(Hostile.USERS))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody("oops \u001b]52;c;aGk=\u0007 \u001b[2J \u202e evil \u009b tail")));

    Throwable failure =
        catchThrowable(() -> Hostile.client(wm.baseUrl()).agency(14).users().list());

    String excerpt = ((ApimoException) failure).bodyExcerpt();
    assertThat(excerpt).startsWith("oops ").contains("tail");
    assertThat(failure.getMessage() + excerpt)
        .doesNotContain("\u001b")
        .doesNotContain("\u0007")
        .doesNotContain("\u202e")
        .doesNotContain("\u009b");
  }

  @Test
  void aSecretStraddlingTheExcerptCutIsStillRedacted() {
    String body = "x".repeat(190) + Hostile.TOKEN + " and more";
    String excerpt =
        ErrorMessages.excerpt(
            body.getBytes(StandardCharsets.UTF_8), Secrets.of(Hostile.PROVIDER, Hostile.TOKEN));

    assertThat(excerpt).doesNotContain(Hostile.TOKEN.substring(0, 8)).contains("[redac");
  }

  @Test
  void withoutATokenNothingIsRedacted() {
    assertThat(Secrets.of("1", null).redact("plain text")).isEqualTo("plain text");
  }
}
