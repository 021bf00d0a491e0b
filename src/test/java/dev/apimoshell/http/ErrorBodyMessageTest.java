package dev.apimoshell.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A refused request's message quotes what the server said, whether its body has Apimo's shape
 * ({@code status}, {@code title}, {@code message}) or the older {@code {"error": ...}}, and not the
 * JSON around it.
 */
class ErrorBodyMessageTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private String messageFor(String body) {
    wm.stubFor(
        get(urlPathEqualTo(Hostile.USERS)).willReturn(aResponse().withStatus(400).withBody(body)));
    Throwable failure =
        catchThrowable(() -> Hostile.client(wm.baseUrl()).agency(14).users().list());
    assertThat(failure).isInstanceOf(ApimoException.class);
    return failure.getMessage();
  }

  @Test
  void apimoStatusTitleMessageBodyShowsItsMessage() {
    String message =
        messageFor(
            "{\"status\":400,\"title\":\"Bad Request\",\"message\":\"limit must be at most"
                + " 10000\"}");

    assertThat(message)
        .contains("Apimo said: limit must be at most 10000")
        .doesNotContain("{")
        .doesNotContain("\"title\"");
  }

  @Test
  void errorFieldBodyShowsItsText() {
    String message = messageFor("{\"error\":\"culture must be one of fr, en\"}");

    assertThat(message).contains("Apimo said: culture must be one of fr, en").doesNotContain("{");
  }

  @Test
  void bothShapesInOneBodyShowTheMessageOnce() {
    String message =
        messageFor(
            "{\"status\":400,\"title\":\"Bad Request\",\"message\":\"bad offset\",\"error\":\"bad"
                + " offset\"}");

    assertThat(message).endsWith("Apimo said: bad offset");
  }

  @Test
  void otherBodiesAreQuotedAsTheyCame() {
    assertThat(messageFor("Service unavailable, come back later"))
        .contains("Apimo said: Service unavailable, come back later");
    assertThat(messageFor("{\"code\":17}")).contains("Apimo said: {\"code\":17}");
  }

  @Test
  void aSecretInTheMessageIsRedacted() {
    String message = messageFor("{\"message\":\"bad token " + Hostile.TOKEN + "\"}");

    assertThat(message).contains("Apimo said: bad token").doesNotContain(Hostile.TOKEN);
  }
}
