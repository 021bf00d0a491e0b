package dev.apimoshell;

import dev.apimoshell.api.AgencyRef;
import dev.apimoshell.api.Query;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.PageListener;
import dev.apimoshell.http.WriteGuard;
import dev.apimoshell.internal.client.CatalogCache;
import dev.apimoshell.internal.client.Session;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.internal.http.KnownTokens;
import dev.apimoshell.internal.io.UserDirs;
import dev.apimoshell.model.Agency;
import dev.apimoshell.model.Catalog;
import dev.apimoshell.model.CatalogInfo;
import dev.apimoshell.snapshot.Snapshot;
import dev.apimoshell.snapshot.SnapshotFolder;
import dev.apimoshell.snapshot.SnapshotSummary;
import java.nio.file.Path;
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
    return AgencyRef.of(session, id);
  }

  /** The agencies this provider can see. */
  public Query<Agency> agencies() {
    return Query.agencies(session);
  }

  /** The catalogs Apimo offers. */
  public List<CatalogInfo> catalogs() {
    return session.catalogs().list();
  }

  /** A catalog in this client's culture: {@code catalog("property_type").label(1)}. */
  public Catalog catalog(String name) {
    return session.catalogs().get(name, session.culture());
  }

  /**
   * Saves agency {@code agency} into the folder {@code dir}: every list as Apimo sent it, the
   * catalogs its codes use, and a manifest. Says first what it will cost against today's quota; an
   * interrupted capture resumes when run again; a capture already in {@code dir} is replaced only
   * once the new one is complete.
   *
   * <pre>{@code client.snapshot(14, "agency-14")}</pre>
   */
  public SnapshotSummary snapshot(long agency, String dir) {
    return Snapshot.capture(agency(agency), Path.of(dir));
  }

  /**
   * Refreshes the snapshot in {@code dir}, which this client's server and provider must have
   * captured: only what changed since is asked, and merged by id.
   *
   * <pre>{@code client.refresh("agency-14")}</pre>
   */
  public SnapshotSummary refresh(String dir) {
    Path folder = Path.of(dir);
    return Snapshot.refresh(agency(SnapshotFolder.open(folder).manifest().agency()), folder);
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
    return "Apimo at "
        + baseUrl()
        + " as provider "
        + (provider() == null ? "(none)" : provider())
        + ", labels in "
        + culture();
  }
}
