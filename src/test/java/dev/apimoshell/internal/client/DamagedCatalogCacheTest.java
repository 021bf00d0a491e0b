package dev.apimoshell.internal.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.internal.http.ApimoHttp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged catalog cache entry is moved aside as {@code .bad}, fetched again, and said once on the
 * client's warning channel; an entry that is no regular file (a FIFO) is never opened.
 */
class DamagedCatalogCacheTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path home;
  private final List<String> warnings = new ArrayList<>();
  private Catalogs catalogs;
  private Path folder;

  @BeforeEach
  void setUp() throws Exception {
    server.stubFor(get(anyUrl()).willReturn(okJson("[{\"id\":1,\"name\":\"Flat\"}]")));
    var http = new ApimoHttp(ApimoConfig.of(server.baseUrl(), "1", "catalog-test-token"));
    http.onWarning(warnings::add);
    URI base = URI.create(server.baseUrl());
    folder = home.resolve("cache").resolve(base.getHost() + "_" + base.getPort());
    Files.createDirectories(folder.resolve("fr"));
    catalogs =
        new Session(http, new CatalogCache(home.resolve("cache"), Duration.ofDays(7))).catalogs();
  }

  @Test
  void aCorruptEntryIsMovedAsideFetchedAgainAndSaidOnce() throws Exception {
    Path entry = folder.resolve("fr/property_type.json");
    Files.writeString(entry, "[{\"id\":1,\"na");
    Files.writeString(folder.resolve("fr/heating_type.json"), "\u0000\u0000");

    assertThat(catalogs.get("property_type", "fr").label(1)).isEqualTo("Flat");
    assertThat(catalogs.get("heating_type", "fr").label(1)).isEqualTo("Flat");

    assertThat(Files.readString(folder.resolve("fr/property_type.json.bad")))
        .isEqualTo("[{\"id\":1,\"na");
    assertThat(Files.readString(entry)).contains("Flat");
    assertThat(warnings)
        .containsExactly(
            "Warning: the catalog cache file "
                + entry
                + " was damaged (not a catalog list); moved aside as property_type.json.bad,"
                + " fetched again.");
    assertThat(server.getAllServeEvents()).hasSize(2);
  }

  @Test
  void aFifoInPlaceOfAnEntryIsSetAsideWithoutBeingOpened() throws Exception {
    Path entry = folder.resolve("fr/property_type.json");
    new ProcessBuilder("mkfifo", entry.toString()).start().waitFor();

    byte[] body =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> catalogs.rawBody("property_type", "fr"));

    assertThat(new String(body)).contains("Flat");
    assertThat(Files.isRegularFile(entry)).isTrue();
    assertThat(warnings).singleElement().asString().contains("(not a regular file)", ".bad");
  }
}
