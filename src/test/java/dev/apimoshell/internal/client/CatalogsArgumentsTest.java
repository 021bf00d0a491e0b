package dev.apimoshell.internal.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.internal.http.ApimoHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Catalogs#rawBody} and {@link Catalogs#cached}, public and reachable from the prompt,
 * refuse the names the facade's {@code catalog(..)} refuses: no request leaves, no file is written,
 * and the message names the argument.
 */
class CatalogsArgumentsTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path home;
  private Catalogs catalogs;

  @BeforeEach
  void setUp() {
    server.stubFor(get(anyUrl()).willReturn(okJson("[{\"id\":1,\"name\":\"Flat\"}]")));
    var http = new ApimoHttp(ApimoConfig.of(server.baseUrl(), "1", "catalog-test-token"));
    catalogs =
        new Session(http, new CatalogCache(home.resolve("cache"), Duration.ofDays(7))).catalogs();
  }

  @Test
  void namesAndCulturesThatWouldLeaveTheBasePathOrTheCacheFolderAreRefused() throws Exception {
    for (String name : List.of("../agencies", "a/b", "/etc/passwd", "x\u001b]0;t\u0007", "..")) {
      assertThatThrownBy(() -> catalogs.rawBody(name, "fr"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Not a catalog name: '")
          .hasMessageNotContaining("\u001b")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      assertThatThrownBy(() -> catalogs.cached(name, "fr"))
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String culture : List.of("../../x", "fr/..", "fr\n", "", "../index")) {
      assertThatThrownBy(() -> catalogs.rawBody("property_type", culture))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Not a culture: '")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
    assertThatThrownBy(() -> catalogs.rawBody("property_type", null))
        .hasMessageContaining("Not a culture: null");

    assertThat(server.getAllServeEvents()).isEmpty();
    assertThat(filesUnder(home)).isEmpty();
  }

  @Test
  void aGoodNameIsFetchedOnceAndCachedInsideTheCacheFolder() throws Exception {
    assertThat(new String(catalogs.rawBody("property_type", "fr_FR"))).contains("Flat");
    assertThat(catalogs.cached("property_type", "fr")).isTrue();

    assertThat(server.getAllServeEvents()).hasSize(1);
    assertThat(filesUnder(home))
        .singleElement()
        .satisfies(f -> assertThat(f).startsWith(home.resolve("cache")))
        .satisfies(f -> assertThat(f.toString()).endsWith("fr/property_type.json"));
  }

  private static List<Path> filesUnder(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
