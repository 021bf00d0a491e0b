package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoException;
import dev.apimoshell.internal.client.CatalogCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A 404 for a catalog names the catalog and the catalogs with a near name, not agencies. */
class CatalogNotFoundTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private ApimoClient client;

  @BeforeEach
  void setUp() {
    client = ApimoClient.connect(Fixtures.config(wm.baseUrl()), CatalogCache.none());
    wm.stubFor(
        get(urlPathEqualTo("/catalogs"))
            .willReturn(
                okJson(
                    "[{\"name\":\"property_type\",\"path\":\"/catalogs/property_type\"},"
                        + "{\"name\":\"property_subtype\",\"path\":\"/catalogs/property_subtype\"},"
                        + "{\"name\":\"lead_step\",\"path\":\"/catalogs/lead_step\"}]")));
    wm.stubFor(
        get(urlPathEqualTo("/catalogs/property_typ"))
            .willReturn(notFound().withBody("{\"error\":\"Not found\"}")));
    wm.stubFor(get(urlPathEqualTo("/catalogs/zzz")).willReturn(notFound()));
  }

  @Test
  void aMistypedCatalogIsNamedWithTheNearNames() {
    assertThatThrownBy(() -> client.catalog("property_typ"))
        .isInstanceOf(ApimoException.NotFoundException.class)
        .hasMessageContaining("catalog 'property_typ' does not exist")
        .hasMessageContaining("Apimo.catalogs() lists the catalogs")
        .hasMessageEndingWith("Did you mean property_type?")
        .hasMessageNotContaining("agencies");
    assertThatThrownBy(() -> client.agency(14).session().catalogs().rawBody("property_typ", "en"))
        .hasMessageEndingWith("Did you mean property_type?");
  }

  @Test
  void aCatalogNearNothingIsNamedAlone() {
    assertThatThrownBy(() -> client.catalog("zzz"))
        .isInstanceOf(ApimoException.NotFoundException.class)
        .hasMessageContaining("catalog 'zzz' does not exist. Check the name;")
        .hasMessageNotContaining("Did you mean")
        .hasMessageNotContaining("agencies");
  }
}
