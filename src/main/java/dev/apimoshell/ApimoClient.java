package dev.apimoshell;

import dev.apimoshell.api.AgencyRef;
import dev.apimoshell.api.CatalogCache;
import dev.apimoshell.api.KnownTokens;
import dev.apimoshell.api.PageListener;
import dev.apimoshell.api.Query;
import dev.apimoshell.api.Session;
import dev.apimoshell.api.UserDirs;
import dev.apimoshell.api.WriteGuard;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.ApimoHttp;
import dev.apimoshell.model.Agency;
import dev.apimoshell.model.Catalog;
import dev.apimoshell.model.CatalogInfo;
import java.util.List;

/**
 * One Apimo account: its HTTP session, its catalogs and the handles that start queries. Two clients
 * can live side by side (two providers, the real API and the sandbox).
 *
 * <pre>{@code
 * var prod = Apimo.connect("https://api.apimo.pro", "1234", System.getenv("APIMO_TOKEN"));
 * prod.agency(14).users().count();
 * }</pre>
 */
public final class ApimoClient {
  private final Session session;

  private ApimoClient(ApimoConfig config, CatalogCache cache) {
    // The day's request count lives beside the other caches, found as the profiles and history are.
    this.session =
        new Session(
            new ApimoHttp(config, UserDirs.fromEnvironment().cache().resolve("quota")), cache);
    KnownTokens.register(config.token());
  }

  /** A client whose catalogs are cached on disk unless the server is on loopback. */
  public static ApimoClient connect(ApimoConfig config) {
    return connect(config, CatalogCache.forServer(config.baseUrl()));
  }

  public static ApimoClient connect(ApimoConfig config, CatalogCache cache) {
    return new ApimoClient(config, cache);
  }

  public static ApimoClient connect(String baseUrl, String provider, String token) {
    return connect(ApimoConfig.of(baseUrl, provider, token));
  }

  /** A handle on one agency; sends nothing until one of its queries runs. */
  public AgencyRef agency(long id) {
    return new AgencyRef(session, id);
  }

  /** The agencies this provider can see. */
  public Query<Agency> agencies() {
    return session.agencies();
  }

  /** The catalogs Apimo offers. */
  public List<CatalogInfo> catalogs() {
    return session.catalogs().list();
  }

  /** A catalog in this client's culture: {@code catalog("property_type").label(1)}. */
  public Catalog catalog(String name) {
    return session.catalogs().get(name, session.culture());
  }

  /** The culture for labels, {@code en} until changed. */
  public String culture() {
    return session.culture();
  }

  /** Sets the culture for labels ({@code "fr"}, {@code "en"}...); returns this client. */
  public ApimoClient culture(String code) {
    session.culture(code);
    return this;
  }

  /** The word for a code, in this client's culture; null when the catalog lacks it. */
  public String label(String catalog, int code) {
    return session.label(catalog, code);
  }

  /** Makes this the client behind {@code Apimo.agency(...)} and the records' labels; returns it. */
  public ApimoClient makeDefault() {
    Apimo.useDefault(this);
    return this;
  }

  public String baseUrl() {
    return session.http().config().baseUrl().toString();
  }

  /** The provider id (the token stays inside the HTTP session). */
  public String provider() {
    return session.http().config().provider();
  }

  /** The HTTP session, for tracing ({@code addListener}) and {@code lastExchange()}. */
  public ApimoHttp http() {
    return session.http();
  }

  /**
   * Pages every stream of this client keeps in flight once the first page gave the total (4 by
   * default; 1 reads one page ahead at most); a query's own {@code parallel(n)} wins. Returns this
   * client.
   *
   * <pre>{@code Apimo.connect(url, provider, token).parallel(8)}</pre>
   */
  public ApimoClient parallel(int pages) {
    session.pages().parallel(pages);
    return this;
  }

  /** Pages in flight at once for this client's streams. */
  public int parallel() {
    return session.pages().parallel();
  }

  /** Progress of every stream of this client, page by page. */
  public void addPageListener(PageListener listener) {
    session.pages().addListener(listener);
  }

  public void removePageListener(PageListener listener) {
    session.pages().removeListener(listener);
  }

  /**
   * Asked before each write of this client, in place of {@link Apimo#guardWrites}'s guard; null
   * goes back to that one.
   */
  public void writeGuard(WriteGuard guard) {
    session.writeGuard(guard);
  }

  @Override
  public String toString() {
    return "Apimo at " + baseUrl() + " as provider " + (provider() == null ? "(none)" : provider());
  }
}
