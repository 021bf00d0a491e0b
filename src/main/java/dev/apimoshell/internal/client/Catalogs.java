package dev.apimoshell.internal.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.apimoshell.http.ApimoException;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.internal.http.Response;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.internal.text.ControlChars;
import dev.apimoshell.internal.text.NearNames;
import dev.apimoshell.model.Catalog;
import dev.apimoshell.model.CatalogEntry;
import dev.apimoshell.model.CatalogInfo;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The catalogs of one client: fetched once per culture, kept in memory, and on disk through a
 * {@link CatalogCache}.
 *
 * <pre>{@code Apimo.client().catalogs().get("property_type", "fr").label(1)   // "Appartement"}
 * </pre>
 */
public final class Catalogs {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern CULTURE = Pattern.compile("([a-zA-Z]{2})([_-][a-zA-Z]{2})?");
  private static final TypeReference<List<CatalogEntry>> ENTRIES = new TypeReference<>() {};
  private static final TypeReference<List<CatalogInfo>> INFOS = new TypeReference<>() {};

  private final ApimoHttp http;
  private final CatalogCache cache;
  private final Map<String, Catalog> loaded = new ConcurrentHashMap<>();
  private final AtomicBoolean damageSaid = new AtomicBoolean();

  Catalogs(ApimoHttp http, CatalogCache cache) {
    this.http = http;
    this.cache = cache;
  }

  /** The catalogs Apimo offers ({@code GET /catalogs}). */
  public List<CatalogInfo> list() {
    return read("index", "/catalogs", Map.of(), INFOS);
  }

  /**
   * One catalog in one culture: {@code "en"}, {@code "fr"}, or as Apimo writes cultures in its
   * answers, {@code "en_GB"}, {@code "fr_FR"} (asked by language: Apimo's words are per language).
   */
  public Catalog get(String name, String culture) {
    checkName(name);
    checkCulture(culture);
    String language = language(culture);
    return loaded.computeIfAbsent(
        language + "/" + name,
        key ->
            new Catalog(
                name,
                culture,
                withNearNames(
                    name,
                    () -> read(key, "/catalogs/" + name, Map.of("culture", language), ENTRIES))));
  }

  /**
   * What {@code fetch} returns; a 404 for a catalog says which catalogs have a name near the one
   * asked ({@code property_typ}: did you mean property_type?), from the catalog list.
   */
  private <T> T withNearNames(String name, java.util.function.Supplier<T> fetch) {
    try {
      return fetch.get();
    } catch (ApimoException.NotFoundException notFound) {
      List<String> near;
      try {
        near = NearNames.of(name, list().stream().map(CatalogInfo::name).toList());
      } catch (RuntimeException noList) {
        throw notFound;
      }
      if (near.isEmpty()) {
        throw notFound;
      }
      throw new ApimoException.NotFoundException(
          notFound.getMessage() + " Did you mean " + String.join(" or ", near) + "?",
          notFound.method(),
          notFound.target(),
          notFound.bodyExcerpt());
    }
  }

  /**
   * {@code culture} when it reads as one ({@code en}, {@code fr}, {@code fr_FR}).
   *
   * @throws IllegalArgumentException naming the culture otherwise
   */
  public static String checkCulture(String culture) {
    if (culture == null || !CULTURE.matcher(culture).matches()) {
      throw new IllegalArgumentException(
          "Not a culture: " + quoted(culture) + " (expected a code such as en, fr or fr_FR)");
    }
    return culture;
  }

  /**
   * Refuses what is not a catalog name before it reaches a URL or a cache file name: {@code
   * ../agencies}, {@code a/b}, control characters.
   */
  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Not a catalog name: "
              + quoted(name)
              + " (lower-case letters, digits and _, such as property_type; Apimo.catalogs()"
              + " lists them)");
    }
  }

  private static String quoted(String argument) {
    return argument == null ? "null" : "'" + ControlChars.inline(argument) + "'";
  }

  /**
   * {@code fr} for {@code fr}, {@code fr_FR}, {@code fr-fr}: what catalogs are asked and kept by.
   */
  static String language(String culture) {
    var matcher = CULTURE.matcher(culture);
    return matcher.matches() ? matcher.group(1).toLowerCase(java.util.Locale.ROOT) : culture;
  }

  /**
   * The body of {@code GET /catalogs/NAME?culture=..} as Apimo sent it, from the disk cache when it
   * has it (no request), else fetched and cached: what a snapshot saves.
   */
  public byte[] rawBody(String name, String culture) {
    checkName(name);
    checkCulture(culture);
    String language = language(culture);
    return withNearNames(
        name,
        () ->
            body(language + "/" + name, "/catalogs/" + name, Map.of("culture", language), ENTRIES));
  }

  /** The body of {@code GET /catalogs}, as {@link #rawBody} does. */
  public byte[] rawIndex() {
    return body("index", "/catalogs", Map.of(), INFOS);
  }

  /** Whether {@link #rawBody} would cost no request ({@code name} null: the index). */
  public boolean cached(String name, String culture) {
    if (name != null) {
      checkName(name);
      checkCulture(culture);
    }
    String key = name == null ? "index" : language(culture) + "/" + name;
    return fromCache(key, name == null ? INFOS : ENTRIES).isPresent();
  }

  /**
   * The key's body from the disk cache when it is there, fresh and a catalog list; a damaged entry
   * (not a list, not a regular file) is moved aside as {@code .bad}, said once a session on the
   * client's warning channel, and fetched again.
   */
  private Optional<byte[]> fromCache(String key, TypeReference<? extends List<?>> type) {
    URI server = http.config().baseUrl();
    if (cache.unusable(server, key)) {
      setAside(server, key, "not a regular file");
      return Optional.empty();
    }
    var cached = cache.read(server, key);
    if (cached.isPresent()) {
      try {
        Json.mapper().readValue(cached.get(), type);
        return cached;
      } catch (IOException corrupt) {
        setAside(server, key, "not a catalog list");
      }
    }
    return Optional.empty();
  }

  private void setAside(URI server, String key, String why) {
    String done;
    try {
      done = "moved aside as " + cache.setAside(server, key).getFileName();
    } catch (IOException | RuntimeException e) {
      done = "left in place (" + e.getClass().getSimpleName() + ")";
    }
    if (!damageSaid.getAndSet(true)) {
      http.warn(
          "Warning: the catalog cache file "
              + cache.file(server, key)
              + " was damaged ("
              + why
              + "); "
              + done
              + ", fetched again.");
    }
  }

  private byte[] body(
      String key, String path, Map<String, String> query, TypeReference<? extends List<?>> type) {
    var cached = fromCache(key, type);
    if (cached.isPresent()) {
      return cached.get();
    }
    Response response = http.get(path, query);
    try {
      Json.mapper().readValue(response.body(), type);
    } catch (IOException e) {
      throw response.malformed(
          "not a catalog list (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    cache.write(http.config().baseUrl(), key, response.body());
    return response.body();
  }

  private <T> List<T> read(
      String key, String path, Map<String, String> query, TypeReference<List<T>> type) {
    var cached = fromCache(key, type);
    if (cached.isPresent()) {
      try {
        return Json.mapper().readValue(cached.get(), type);
      } catch (IOException checkedAlready) {
        // fromCache read it as this type: fetch again below
      }
    }
    Response response = http.get(path, query);
    List<T> values;
    try {
      values = Json.mapper().readValue(response.body(), type);
    } catch (IOException e) {
      throw response.malformed(
          "not a catalog list (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    cache.write(http.config().baseUrl(), key, response.body());
    return values;
  }
}
