package dev.apimoshell.internal.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.apimoshell.http.ApimoException;
import dev.apimoshell.http.WriteGuard;
import dev.apimoshell.http.WriteRefusedException;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.internal.http.Response;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.model.LabelSource;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the handles of one client share: the HTTP session, the page fetcher, the catalogs, the
 * culture for labels and the guard asked before writes.
 *
 * <p>Plumbing behind {@code ApimoClient}; scripts use the client.
 */
public final class Session implements LabelSource {
  private final ApimoHttp http;
  private final PageFetcher pages;
  private final Catalogs catalogs;
  private final String culture;
  private final WriteGuard writeGuard;
  private static final long RETRY_FAILED_CATALOG_NANOS = 60_000_000_000L;
  private final Map<String, Long> failures = new ConcurrentHashMap<>();

  public Session(ApimoHttp http, CatalogCache cache) {
    this(http, cache, "en", WriteGuard.ALLOW_ALL);
  }

  /**
   * A session labelling in {@code culture} that asks {@code guard} before each write.
   *
   * @throws IllegalArgumentException when the culture is not one Apimo knows
   */
  public Session(ApimoHttp http, CatalogCache cache, String culture, WriteGuard guard) {
    this.http = http;
    this.culture = checkCulture(culture);
    this.writeGuard = guard == null ? WriteGuard.ALLOW_ALL : guard;
    this.pages = new PageFetcher(http, this);
    this.catalogs = new Catalogs(http, cache);
  }

  private Session(Session shared, String culture, WriteGuard guard) {
    this.http = shared.http;
    this.culture = culture;
    this.writeGuard = guard;
    this.pages = shared.pages.withLabels(this);
    this.catalogs = shared.catalogs;
  }

  /** A session sharing this one's connection, threads and catalogs, labelling in {@code code}. */
  public Session withCulture(String code) {
    return new Session(this, checkCulture(code), writeGuard);
  }

  /** A session sharing everything with this one but asking {@code guard} before writes. */
  public Session withWriteGuard(WriteGuard guard) {
    return new Session(this, culture, guard == null ? WriteGuard.ALLOW_ALL : guard);
  }

  private static String checkCulture(String code) {
    return Catalogs.checkCulture(code);
  }

  /** Stops this session's threads and closes its connection; idempotent. */
  public void close() {
    pages.close();
    http.close();
  }

  public ApimoHttp http() {
    return http;
  }

  public PageFetcher pages() {
    return pages;
  }

  public Catalogs catalogs() {
    return catalogs;
  }

  public String culture() {
    return culture;
  }

  /** The guard asked before each write. */
  public WriteGuard writeGuard() {
    return writeGuard;
  }

  /**
   * The word for a code in this session's culture, or null when the catalog lacks it or cannot be
   * fetched. A table or an export asks once per row, so a catalog that failed is not asked again
   * for a minute (call {@code catalog(name)} to see why it fails).
   */
  @Override
  public String label(String catalog, int code) {
    String key = Catalogs.language(culture) + "/" + catalog;
    Long failedAt = failures.get(key);
    if (failedAt != null && System.nanoTime() - failedAt < RETRY_FAILED_CATALOG_NANOS) {
      return null;
    }
    try {
      String label = catalogs.get(catalog, culture).find(code).orElse(null);
      failures.remove(key);
      return label;
    } catch (ApimoException | IllegalArgumentException e) {
      failures.put(key, System.nanoTime());
      return null;
    }
  }

  /**
   * Validates, asks the guard, POSTs once (writes are never retried) and returns the id Apimo gives
   * the new record.
   */
  public long create(String path, Object body, List<String> problems, String what) {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot " + what + ": " + String.join("; ", problems) + ".");
    }
    String description = what + " with POST " + path + " on " + http.config().baseUrl();
    if (!writeGuard.allow(http.config().baseUrl(), description)) {
      throw new WriteRefusedException("Not sent: " + description + " (not confirmed)", path);
    }
    byte[] json;
    try {
      json = Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot " + what + ": " + e.getOriginalMessage(), e);
    }
    Response response = http.postJson(path, json);
    try {
      JsonNode id = Json.mapper().readTree(response.body()).get("id");
      if (id == null || !id.asText().matches("\\d+")) {
        throw response.malformed("no numeric 'id' in the answer", null);
      }
      return id.asLong();
    } catch (IOException e) {
      throw response.malformed(
          "invalid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
  }

  /** What a record's {@code labelSource} prints as: where its words come from, never the token. */
  @Override
  public String toString() {
    return "catalogs of " + http.config().baseUrl() + " (" + culture + ")";
  }
}
