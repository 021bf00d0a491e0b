package dev.apimoshell.http;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.internal.http.ApimoHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine's public {@code get}/{@code postJson}, reachable from the prompt through {@code
 * client.http()}, send only below the base URL: a path that would leave it, or carry the
 * credentials to another host, is refused before anything leaves.
 */
class ApiPathTest {
  @RegisterExtension
  static WireMockExtension api =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @RegisterExtension
  static WireMockExtension elsewhere =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @Test
  void pathsLeavingTheBaseUrlAreRefusedAndNothingIsSent() {
    api.stubFor(get(anyUrl()).willReturn(okJson("{}")));
    elsewhere.stubFor(get(anyUrl()).willReturn(okJson("{}")));
    var http = new ApimoHttp(ApimoConfig.of(api.baseUrl() + "/v1", "1", "path-test-token"));

    for (String path :
        List.of(
            elsewhere.baseUrl() + "/steal",
            "//127.0.0.1:" + elsewhere.getPort() + "/steal",
            "/../agencies",
            "/catalogs/../../x",
            "/agencies/14/users?limit=1",
            "/a#b",
            "/a\nb",
            "/a\u001b]0;t\u0007",
            "agencies",
            "")) {
      assertThatThrownBy(() -> http.get(path, Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Not an API path: '")
          .hasMessageNotContaining("\n")
          .hasMessageNotContaining("\u001b");
      assertThatThrownBy(() -> http.postJson(path, "{}".getBytes()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    assertThat(api.getAllServeEvents()).isEmpty();
    assertThat(elsewhere.getAllServeEvents()).isEmpty();
    assertThat(http.get("/agencies/14/users", Map.of("limit", 1)).status()).isEqualTo(200);
    assertThat(api.getAllServeEvents())
        .singleElement()
        .satisfies(
            e -> assertThat(e.getRequest().getUrl()).isEqualTo("/v1/agencies/14/users?limit=1"));
  }
}
