package dev.apimoshell.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.Apimo;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Basic auth over plain http shows the token to anyone on the way: refused unless asked for. */
class CleartextCredentialsTest {

  @Test
  void plainHttpToAnotherHostIsRefusedWithTheReasonOnOneLine() {
    assertThatThrownBy(() -> Apimo.connect("http://example.com", "1", "t0ken"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://example.com")
        .hasMessageContaining("in clear")
        .hasMessageContaining("https://")
        .hasMessageContaining("ApimoClient.builder().insecure(true)")
        .hasMessageNotContaining("t0ken")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> ApimoConfig.of("http://10.0.0.5:8080", "1", "t0ken"))
        .hasMessageContaining("in clear");
  }

  @Test
  void anExplicitInsecureConfigAllowsIt() {
    assertThat(ApimoConfig.insecure("http://example.com", "1", "t").baseUrl())
        .hasToString("http://example.com");
    assertThat(
            ApimoConfig.fromEnvironment(
                    Map.of(
                        "APIMO_BASE_URL", "http://example.com",
                        "APIMO_PROVIDER", "1",
                        "APIMO_TOKEN", "t",
                        "APIMO_INSECURE", "true"))
                .sendsCredentialsInClear())
        .isTrue();
  }

  @Test
  void theEnvironmentIsRefusedToo() {
    assertThatThrownBy(
            () ->
                ApimoConfig.fromEnvironment(
                    Map.of(
                        "APIMO_BASE_URL", "http://example.com",
                        "APIMO_PROVIDER", "1",
                        "APIMO_TOKEN", "t")))
        .hasMessageContaining("APIMO_INSECURE=true");
  }

  @Test
  void loopbackHttpsAndNoCredentialsAreFine() {
    for (String url :
        new String[] {
          "http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9", "http://127.1.2.3"
        }) {
      assertThat(ApimoConfig.of(url, "1", "t").sendsCredentialsInClear()).as(url).isFalse();
    }
    assertThat(ApimoConfig.of("https://example.com", "1", "t").sendsCredentialsInClear()).isFalse();
    assertThat(ApimoConfig.of("http://example.com", null, null).hasCredentials()).isFalse();
  }
}
