package dev.apimoshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.internal.client.CatalogCache;
import java.net.URI;
import org.junit.jupiter.api.Test;

class CatalogCacheTest {

  @Test
  void onlyThisMachineGoesWithoutADiskCacheANameStartingWith127IsARealServer() {
    assertThat(CatalogCache.forServer(URI.create("http://127.0.0.1:8080")).dir()).isNull();
    assertThat(CatalogCache.forServer(URI.create("http://LOCALHOST:8080")).dir()).isNull();
    assertThat(CatalogCache.forServer(URI.create("http://[::1]:8080")).dir()).isNull();
    assertThat(CatalogCache.forServer(URI.create("https://127.example.com")).dir()).isNotNull();
    assertThat(CatalogCache.forServer(URI.create("https://api.apimo.pro")).dir()).isNotNull();
  }
}
