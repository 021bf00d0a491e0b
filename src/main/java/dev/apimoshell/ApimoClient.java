package dev.apimoshell;

import dev.apimoshell.api.AgencyRef;
import dev.apimoshell.api.Query;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.HttpView;
import dev.apimoshell.http.PageListener;
import dev.apimoshell.http.WriteGuard;
import dev.apimoshell.internal.client.CatalogCache;
import dev.apimoshell.internal.client.Session;
import dev.apimoshell.internal.snapshot.SnapshotFolder;
import dev.apimoshell.model.Agency;
import dev.apimoshell.model.Catalog;
import dev.apimoshell.model.CatalogInfo;
import dev.apimoshell.snapshot.Snapshot;
import dev.apimoshell.snapshot.SnapshotListener;
import dev.apimoshell.snapshot.SnapshotSummary;
import java.nio.file.Path;
import java.util.List;

/**
 * One Apimo account: its HTTP connection, its catalogs and the handles that start queries. Two
 * clients can live side by side (two providers, the real API and the sandbox). A client is
 * immutable and safe for use by many threads; {@link #close()} it when done.
 *
 * <pre>{@code
 * try (var client = ApimoClient.builder().provider("1234").token(token).build()) {
 *   client.agency(14).users().count();
 *   var french = client.culture("fr");             // same connection, other words
 * }
 * }</pre>
 *
 * <p>The clients made by {@link #culture(String)} and {@link #newBuilder()} (when it changes no
 * connection setting) share this client's connection: closing any of them closes it for all.
 */
public final class ApimoClient implements AutoCloseable {
  private final Session session;
  private final ApimoClientBuilder settings;

  ApimoClient(Session session, ApimoClientBuilder settings) {
    this.session = session;
    this.settings = settings;
  }

  /**
   * A builder with Apimo's defaults: {@code https://api.apimo.pro}, culture {@code en}, 10 s to
   * connect, 60 s to the headers, 3 retries, 10 requests per second, the quota counted under the
   * user's cache folder.
   */
  public static ApimoClientBuilder builder() {
    return new ApimoClientBuilder();
  }

  /**
   * A builder holding this client's settings; what it builds shares this client's rate limiter and
   * quota store, and its connection too unless a connection setting (URL, credentials, timeouts,
   * retries, body cap, HTTP hooks) is changed.
   *
   * <pre>{@code var slow = client.newBuilder().parallel(1).build();}</pre>
   */
  public ApimoClientBuilder newBuilder() {
    return settings.copyFor(session);
  }

  /** A client whose catalogs are cached on disk unless the server is on loopback. */
  public static ApimoClient connect(ApimoConfig config) {
    return builder().config(config).build();
  }

  /** A client of {@code config} with the catalog cache {@code cache}. */
  public static ApimoClient connect(ApimoConfig config, CatalogCache cache) {
    return builder().config(config).catalogCache(cache).build();
  }

  /** As {@code builder().baseUrl(baseUrl).provider(provider).token(token).build()}. */
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
   * catalogs its codes use, and a manifest. Tells this client's {@link SnapshotListener} first what
   * it will cost against today's quota; an interrupted capture resumes when run again; a capture
   * already in {@code dir} is replaced only once the new one is complete.
   *
   * <pre>{@code client.snapshot(14, "agency-14")}</pre>
   *
   * @throws dev.apimoshell.snapshot.SnapshotException when the capture could not finish
   */
  public SnapshotSummary snapshot(long agency, String dir) {
    return snapshot(agency, dir, settings.snapshotListener());
  }

  /** As {@link #snapshot(long, String)}, telling {@code listener} how it goes. */
  public SnapshotSummary snapshot(long agency, String dir, SnapshotListener listener) {
    return Snapshot.capture(agency(agency), Path.of(dir), listener);
  }

  /**
   * Refreshes the snapshot in {@code dir}, which this client's server and provider must have
   * captured: only what changed since is asked, and merged by id.
   *
   * <pre>{@code client.refresh("agency-14")}</pre>
   *
   * @throws dev.apimoshell.snapshot.SnapshotException when the refresh could not finish
   */
  public SnapshotSummary refresh(String dir) {
    return refresh(dir, settings.snapshotListener());
  }

  /** As {@link #refresh(String)}, telling {@code listener} how it goes. */
  public SnapshotSummary refresh(String dir, SnapshotListener listener) {
    Path folder = Path.of(dir);
    return Snapshot.refresh(
        agency(SnapshotFolder.open(folder).manifest().agency()), folder, listener);
  }

  /** The culture for labels, {@code en} unless built otherwise. */
  public String culture() {
    return session.culture();
  }

  /**
   * A client labelling in {@code code} ({@code "fr"}, {@code "en"}, {@code "fr_FR"}...) that shares
   * this one's connection, threads and catalogs; this client is unchanged.
   *
   * <pre>{@code client.culture("fr").agency(14).properties().first()}</pre>
   *
   * @throws IllegalArgumentException when {@code code} is not a culture
   */
  public ApimoClient culture(String code) {
    return new ApimoClient(session.withCulture(code), settings.withCulture(code));
  }

  /** A client sharing this one's connection that asks {@code guard} before each write. */
  public ApimoClient withWriteGuard(WriteGuard guard) {
    return new ApimoClient(session.withWriteGuard(guard), settings.withWriteGuard(guard));
  }

  /** The word for a code, in this client's culture; null when the catalog lacks it. */
  public String label(String catalog, int code) {
    return session.label(catalog, code);
  }

  /** Makes this the client behind {@code Apimo.agency(...)}; returns it. */
  public ApimoClient makeDefault() {
    Apimo.useDefault(this);
    return Apimo.client();
  }

  public String baseUrl() {
    return session.http().config().baseUrl().toString();
  }

  /** The provider id (the token stays inside the HTTP session). */
  public String provider() {
    return session.http().config().provider();
  }

  /**
   * A read-only view of the connection: its last exchange, the day's quota, a trace of every
   * exchange. Clients sharing the connection share the view.
   *
   * <pre>{@code client.http().addListener(exchange -> log.info(exchange.toString()))}</pre>
   */
  public HttpView http() {
    return session.http().view();
  }

  /**
   * A client sharing this one's connection whose streams keep {@code pages} pages in flight once
   * the first page gave the total (4 by default; 1 reads one page ahead at most); a query's own
   * {@code parallel(n)} wins. This client is unchanged.
   *
   * <pre>{@code var fast = client.parallel(8);}</pre>
   *
   * @throws IllegalArgumentException below 1 or above 64
   */
  public ApimoClient parallel(int pages) {
    return newBuilder().parallel(pages).build();
  }

  /** Pages in flight at once for this client's streams. */
  public int parallel() {
    return session.pages().parallel();
  }

  /**
   * A client sharing this one's connection whose streams also tell {@code listener} of every page
   * (a listener this client already has is not added twice). This client is unchanged; to listen
   * from the start, use {@link ApimoClientBuilder#pageListener}.
   *
   * <pre>{@code var counted = client.withPageListener((path, fetched, expected) -> pages++);}</pre>
   */
  public ApimoClient withPageListener(PageListener listener) {
    return newBuilder().pageListener(listener).build();
  }

  /**
   * Hands the day's request count to the quota store, stops this client's threads and forgets its
   * token; a request after that fails with an {@link dev.apimoshell.http.ApimoException}.
   * Idempotent. Closes the clients sharing this one's connection too.
   */
  @Override
  public void close() {
    session.close();
  }

  Session session() {
    return session;
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
