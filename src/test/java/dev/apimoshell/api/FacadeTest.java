package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.Apimo;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.DefaultClientReset;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.testing.LoopbackWireMock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(DefaultClientReset.class)
class FacadeTest {
  @RegisterExtension static WireMockExtension first = LoopbackWireMock.extension();

  @RegisterExtension static WireMockExtension second = LoopbackWireMock.extension();

  @Test
  void twoClientsLiveSideBySideAndEitherCanBecomeTheDefault() {
    first.stubFor(
        get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson(Fixtures.users(3, 1))));
    second.stubFor(
        get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson(Fixtures.users(7, 1))));
    ApimoClient a = Fixtures.client(first.baseUrl());
    ApimoClient b = Apimo.connect(second.baseUrl(), "5678", "other-secret");

    assertThat(a.agency(14).users().count()).isEqualTo(3);
    assertThat(b.agency(14).users().count()).isEqualTo(7);

    b.makeDefault();
    assertThat(Apimo.client()).isSameAs(b);
    assertThat(Apimo.agency(14).users().count()).isEqualTo(7);
    Apimo.useDefault(a);
    assertThat(Apimo.agency(14).users().count()).isEqualTo(3);
  }

  @Test
  void aConnectionDescribesItselfWithoutTheToken() {
    ApimoClient client = Apimo.connect("https://api.apimo.pro/", "1234", "hush-hush");
    assertThat(client.toString())
        .isEqualTo("Apimo at https://api.apimo.pro as provider 1234, labels in en");
    assertThat(dev.apimoshell.internal.http.ApimoHttp.engine(client.http()).config().toString())
        .contains("provider 1234")
        .contains("(hidden)")
        .doesNotContain("hush-hush");
    assertThat(client.agency(14).users().toString())
        .isEqualTo("Query[GET /agencies/14/users, pages of 10000]");
  }

  @Test
  void theEnvironmentConfiguresTheDefaultConnection() {
    ApimoConfig config =
        ApimoConfig.fromEnvironment(Map.of("APIMO_PROVIDER", "42", "APIMO_TOKEN", "t"));
    assertThat(config.baseUrl().toString()).isEqualTo("https://api.apimo.pro");
    assertThat(config.provider()).isEqualTo("42");
    assertThat(config.hasCredentials()).isTrue();
    ApimoConfig custom =
        ApimoConfig.fromEnvironment(Map.of("APIMO_BASE_URL", "http://127.0.0.1:9/"));
    assertThat(custom.baseUrl().toString()).isEqualTo("http://127.0.0.1:9");
    assertThat(custom.hasCredentials()).isFalse();
  }
}
