package dev.apimoshell;

import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.Credentials;
import dev.apimoshell.http.ExchangeListener;
import dev.apimoshell.http.PageListener;
import dev.apimoshell.http.QuotaStore;
import dev.apimoshell.http.RateLimiter;
import dev.apimoshell.http.WriteGuard;
import dev.apimoshell.internal.client.CatalogCache;
import dev.apimoshell.internal.client.Catalogs;
import dev.apimoshell.internal.client.PageFetcher;
import dev.apimoshell.internal.client.Session;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.internal.http.HttpSetup;
import dev.apimoshell.internal.io.UserDirs;
import dev.apimoshell.snapshot.SnapshotListener;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Settings of an {@link ApimoClient}, checked as they are set: a bad value fails at once with the
 * setting's name ({@code connectTimeout must be positive, was PT-1S}), not at the first request.
 *
 * <pre>{@code
 * var limiter = RateLimiter.perSecond(10);              // shared by both clients
 * try (var client = ApimoClient.builder()
 *         .provider("1234").token(System.getenv("APIMO_TOKEN"))
 *         .culture("fr")
 *         .connectTimeout(Duration.ofSeconds(5))
 *         .rateLimiter(limiter)
 *         .quotaStore(QuotaStore.inMemory())
 *         .build()) {
 *   client.agency(14).properties().count();
 * }
 * }</pre>
 *
 * <p>Not thread-safe; build once, share the client.
 */
public final class ApimoClientBuilder {
  private String baseUrl = ApimoConfig.DEFAULT_BASE_URL;
  private String provider;
  private String token;
  private Supplier<Credentials> credentials;
  private boolean insecure;
  private String culture = "en";
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration headersTimeout = Duration.ofSeconds(60);
  private ApimoConfig.Limits limits = ApimoConfig.Limits.DEFAULT;
  private int maxRetries = 3;
  private Duration retryBackoff = Duration.ofMillis(500);
  private Duration maxRetryWait = Duration.ofSeconds(30);
  private RateLimiter rateLimiter;
  private QuotaStore quotaStore;
  private Executor executor;
  private ProxySelector proxy;
  private SSLContext sslContext;
  private Consumer<HttpClient.Builder> httpClient;
  private CatalogCache catalogCache;
  private WriteGuard writeGuard = WriteGuard.ALLOW_ALL;
  private SnapshotListener snapshotListener = SnapshotListener.logging();
  private Integer parallel;
  private Consumer<String> warnings;
  private final List<ExchangeListener> exchangeListeners = new ArrayList<>();
  private final List<PageListener> pageListeners = new ArrayList<>();
  private Clock clock = Clock.systemUTC();
  private boolean countLoopback;
  // the session whose connection a derived client may share
  private Session shared;

  ApimoClientBuilder() {}

  /** The API root; {@value ApimoConfig#DEFAULT_BASE_URL} by default. */
  public ApimoClientBuilder baseUrl(String url) {
    this.baseUrl = Objects.requireNonNull(url, "baseUrl");
    ApimoConfig.insecure(url, null, null); // checks the URL now, naming it
    return connectionChanged();
  }

  /** The provider id (Basic auth user). */
  public ApimoClientBuilder provider(String provider) {
    this.provider = provider;
    return connectionChanged();
  }

  /** The secret token (Basic auth password); never shown by {@code toString()}. */
  public ApimoClientBuilder token(String token) {
    this.token = token;
    return connectionChanged();
  }

  /** Asked once, at {@link #build()}, for the provider and token; wins over both setters. */
  public ApimoClientBuilder credentials(Supplier<Credentials> supplier) {
    this.credentials = Objects.requireNonNull(supplier, "credentials");
    return connectionChanged();
  }

  /**
   * Allows plain {@code http://} to a host other than loopback, which sends the token in clear: for
   * a test server or a proxy on a trusted network.
   */
  public ApimoClientBuilder insecure(boolean allow) {
    this.insecure = allow;
    return connectionChanged();
  }

  /** The culture of labels: {@code "en"} (default), {@code "fr"}, {@code "fr_FR"}... */
  public ApimoClientBuilder culture(String code) {
    this.culture = Catalogs.checkCulture(code);
    return this;
  }

  /** Time to open a connection; 10 s by default. */
  public ApimoClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = ApimoConfig.positive("connectTimeout", timeout);
    return connectionChanged();
  }

  /** Time from sending a request to its response headers; 60 s by default. */
  public ApimoClientBuilder headersTimeout(Duration timeout) {
    this.headersTimeout = ApimoConfig.positive("headersTimeout", timeout);
    return connectionChanged();
  }

  /** Longest wait for the next bytes of a body; 30 s by default. */
  public ApimoClientBuilder readTimeout(Duration timeout) {
    this.limits = limits.withReadTimeout(ApimoConfig.positive("readTimeout", timeout));
    return connectionChanged();
  }

  /** Longest time to receive a whole body, however slowly it trickles in; 120 s by default. */
  public ApimoClientBuilder bodyTimeout(Duration timeout) {
    this.limits = limits.withBodyTimeout(ApimoConfig.positive("bodyTimeout", timeout));
    return connectionChanged();
  }

  /** Most bytes of one decoded body (64 MiB by default; at most a quarter of the heap). */
  public ApimoClientBuilder maxBodyBytes(long max) {
    if (max < 1 || max > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "maxBodyBytes must be between 1 and about 2 GB, was " + max);
    }
    this.limits = limits.withMaxBodyBytes(max);
    return connectionChanged();
  }

  /**
   * Retries of a GET after 429, 5xx or a dropped connection (3 by default, 0 for none); the wait
   * starts at {@code backoff} and never exceeds {@code maxWait}, {@code Retry-After} included.
   */
  public ApimoClientBuilder retries(int max, Duration backoff, Duration maxWait) {
    if (max < 0) {
      throw new IllegalArgumentException("retries must be >= 0, was " + max);
    }
    Objects.requireNonNull(backoff, "retries backoff");
    Objects.requireNonNull(maxWait, "retries maxWait");
    if (backoff.isNegative() || maxWait.isNegative()) {
      throw new IllegalArgumentException(
          "retries waits must be >= 0, were " + backoff + " and " + maxWait);
    }
    this.maxRetries = max;
    this.retryBackoff = backoff;
    this.maxRetryWait = maxWait;
    return connectionChanged();
  }

  /**
   * The request budget; pass one limiter to several builders to keep their clients together under
   * it. {@code RateLimiter.perSecond(10)} of its own by default.
   */
  public ApimoClientBuilder rateLimiter(RateLimiter limiter) {
    this.rateLimiter = Objects.requireNonNull(limiter, "rateLimiter");
    return connectionChanged();
  }

  /**
   * Where the daily request count goes; by default {@code QuotaStore.folder(...)} in the user's
   * cache folder ({@code $XDG_CACHE_HOME/apimo-shell/quota}). A loopback server is never counted.
   */
  public ApimoClientBuilder quotaStore(QuotaStore store) {
    this.quotaStore = Objects.requireNonNull(store, "quotaStore");
    return connectionChanged();
  }

  /** The HTTP client's threads; by default the client's own, stopped by {@code close()}. */
  public ApimoClientBuilder executor(Executor executor) {
    this.executor = executor;
    return connectionChanged();
  }

  /** The proxy selector of the HTTP client, e.g. {@code ProxySelector.of(address)}. */
  public ApimoClientBuilder proxy(ProxySelector proxy) {
    this.proxy = proxy;
    return connectionChanged();
  }

  /** The TLS context, e.g. one trusting a corporate CA. */
  public ApimoClientBuilder sslContext(SSLContext context) {
    this.sslContext = context;
    return connectionChanged();
  }

  /**
   * Last say on the JDK's {@link HttpClient.Builder} (after every other setting), for what this
   * builder has no setter for: {@code .httpClient(b -> b.authenticator(auth))}.
   */
  public ApimoClientBuilder httpClient(Consumer<HttpClient.Builder> customizer) {
    this.httpClient = customizer;
    return connectionChanged();
  }

  /**
   * The folder where catalogs are kept for 7 days; null for none. By default the user's cache
   * folder, none for a loopback server.
   */
  public ApimoClientBuilder catalogCache(Path folder) {
    this.catalogCache =
        folder == null ? CatalogCache.none() : new CatalogCache(folder, Duration.ofDays(7));
    return this;
  }

  ApimoClientBuilder catalogCache(CatalogCache cache) {
    this.catalogCache = cache;
    return this;
  }

  /** Asked before each write; every write is allowed by default. */
  public ApimoClientBuilder writeGuard(WriteGuard guard) {
    this.writeGuard = Objects.requireNonNull(guard, "writeGuard");
    return this;
  }

  /**
   * Told how snapshots go; by default the {@link System.Logger} {@code dev.apimoshell.snapshot}.
   */
  public ApimoClientBuilder snapshotListener(SnapshotListener listener) {
    this.snapshotListener = Objects.requireNonNull(listener, "snapshotListener");
    return this;
  }

  /** Told of every request, retry and quota warning. */
  public ApimoClientBuilder exchangeListener(ExchangeListener listener) {
    exchangeListeners.add(Objects.requireNonNull(listener, "exchangeListener"));
    return connectionChanged();
  }

  /** Told of every page of every stream. */
  public ApimoClientBuilder pageListener(PageListener listener) {
    pageListeners.add(Objects.requireNonNull(listener, "pageListener"));
    return connectionChanged();
  }

  /**
   * Where warnings (the quota at 80 %) go; by default the {@link System.Logger} {@code
   * dev.apimoshell.http}.
   */
  public ApimoClientBuilder warnings(Consumer<String> sink) {
    this.warnings = Objects.requireNonNull(sink, "warnings");
    return connectionChanged();
  }

  /** Pages each stream keeps in flight (4 by default, 1 to 64). */
  public ApimoClientBuilder parallel(int pages) {
    this.parallel = PageFetcher.checkParallel(pages);
    return connectionChanged();
  }

  /** Every setting of {@code config}: URL, credentials, timeouts, retries, rate, body limits. */
  public ApimoClientBuilder config(ApimoConfig config) {
    this.baseUrl = config.baseUrl().toString();
    this.provider = config.provider();
    this.token = config.token();
    this.insecure = true; // the config was checked when made
    this.connectTimeout = config.connectTimeout();
    this.headersTimeout = config.requestTimeout();
    this.maxRetries = config.maxRetries();
    this.retryBackoff = config.retryBackoff();
    this.maxRetryWait = config.maxRetryWait();
    this.limits = config.limits();
    this.rateLimiter = RateLimiter.perSecond(config.requestsPerSecond());
    return connectionChanged();
  }

  /** For tests: the day of the quota read on {@code clock}, loopback servers counted too. */
  ApimoClientBuilder quotaClock(Clock clock, boolean countLoopback) {
    this.clock = clock;
    this.countLoopback = countLoopback;
    return connectionChanged();
  }

  /**
   * A new client; its threads start with its first request.
   *
   * @throws IllegalArgumentException for a plain {@code http://} URL to another machine without
   *     {@link #insecure(boolean)}
   */
  public ApimoClient build() {
    if (shared != null) {
      Session session = shared.withCulture(culture).withWriteGuard(writeGuard);
      return new ApimoClient(session, copy());
    }
    String id = provider;
    String secret = token;
    if (credentials != null) {
      Credentials given = Objects.requireNonNull(credentials.get(), "credentials supplied");
      id = given.provider();
      secret = given.token();
    }
    ApimoConfig base =
        insecure ? ApimoConfig.insecure(baseUrl, id, secret) : ApimoConfig.of(baseUrl, id, secret);
    RateLimiter limiter = rateLimiter != null ? rateLimiter : RateLimiter.perSecond(10);
    ApimoConfig config =
        new ApimoConfig(
            base.baseUrl(),
            base.provider(),
            base.token(),
            connectTimeout,
            headersTimeout,
            maxRetries,
            retryBackoff,
            maxRetryWait,
            limiter.rate(),
            limits);
    QuotaStore quota =
        quotaStore != null
            ? quotaStore
            : QuotaStore.folder(UserDirs.fromEnvironment().cache().resolve("quota"));
    var http =
        ApimoHttp.open(
            config,
            new HttpSetup(
                limiter, quota, clock, countLoopback, executor, proxy, sslContext, httpClient));
    if (warnings != null) {
      http.onWarning(warnings);
    }
    exchangeListeners.forEach(http::addListener);
    CatalogCache cache =
        catalogCache != null ? catalogCache : CatalogCache.forServer(config.baseUrl());
    Session session = new Session(http, cache, culture, writeGuard);
    pageListeners.forEach(session.pages()::addListener);
    if (parallel != null) {
      session.pages().parallel(parallel);
    }
    ApimoClientBuilder settings = copy();
    settings.rateLimiter = limiter;
    settings.quotaStore = quota;
    return new ApimoClient(session, settings);
  }

  SnapshotListener snapshotListener() {
    return snapshotListener;
  }

  ApimoClientBuilder withCulture(String code) {
    ApimoClientBuilder copy = copy();
    copy.culture = code;
    return copy;
  }

  ApimoClientBuilder withWriteGuard(WriteGuard guard) {
    ApimoClientBuilder copy = copy();
    copy.writeGuard = guard == null ? WriteGuard.ALLOW_ALL : guard;
    return copy;
  }

  /** A copy whose {@code build()} shares {@code session}'s connection until one changes. */
  ApimoClientBuilder copyFor(Session session) {
    ApimoClientBuilder copy = copy();
    copy.shared = session;
    return copy;
  }

  private ApimoClientBuilder copy() {
    var copy = new ApimoClientBuilder();
    copy.baseUrl = baseUrl;
    copy.provider = provider;
    copy.token = token;
    copy.credentials = credentials;
    copy.insecure = insecure;
    copy.culture = culture;
    copy.connectTimeout = connectTimeout;
    copy.headersTimeout = headersTimeout;
    copy.limits = limits;
    copy.maxRetries = maxRetries;
    copy.retryBackoff = retryBackoff;
    copy.maxRetryWait = maxRetryWait;
    copy.rateLimiter = rateLimiter;
    copy.quotaStore = quotaStore;
    copy.executor = executor;
    copy.proxy = proxy;
    copy.sslContext = sslContext;
    copy.httpClient = httpClient;
    copy.catalogCache = catalogCache;
    copy.writeGuard = writeGuard;
    copy.snapshotListener = snapshotListener;
    copy.parallel = parallel;
    copy.warnings = warnings;
    copy.clock = clock;
    copy.countLoopback = countLoopback;
    copy.shared = shared;
    copy.exchangeListeners.addAll(exchangeListeners);
    copy.pageListeners.addAll(pageListeners);
    return copy;
  }

  private ApimoClientBuilder connectionChanged() {
    this.shared = null;
    return this;
  }

  @Override
  public String toString() {
    return "ApimoClientBuilder["
        + baseUrl
        + ", provider "
        + (provider == null ? "(none)" : provider)
        + ", token "
        + (token == null && credentials == null ? "(none)" : "(hidden)")
        + "]";
  }
}
