package dev.apimoshell.internal.http;

import com.github.mizosoft.methanol.Methanol;
import com.github.mizosoft.methanol.MutableRequest;
import com.github.mizosoft.methanol.RetryInterceptor;
import com.github.mizosoft.methanol.RetryInterceptor.BackoffStrategy;
import com.github.mizosoft.methanol.TaggableRequest;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.ApimoException;
import dev.apimoshell.http.Exchange;
import dev.apimoshell.http.ExchangeListener;
import dev.apimoshell.http.HttpView;
import dev.apimoshell.http.QuotaStore;
import dev.apimoshell.http.QuotaUsage;
import dev.apimoshell.http.RateLimiter;
import dev.apimoshell.http.RetryWait;
import dev.apimoshell.internal.io.UserDirs;
import dev.apimoshell.internal.text.ControlChars;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The HTTP session with one Apimo account: a Methanol client with the base URL, preemptive Basic
 * auth, gzip, timeouts (connect, headers, between body bytes, whole body), a cap on each decoded
 * body, retries of GETs on 429/5xx/dropped connections (honouring {@code Retry-After} up to {@link
 * ApimoConfig#maxRetryWait()}, failing at once past it), a client-side throttle and a daily request
 * count per provider.
 *
 * <p>Calls block but stay responsive to {@link Thread#interrupt()}: the in-flight request is
 * cancelled and a {@link CancellationException} is thrown, which is how Ctrl-C stops a long stream.
 *
 * <pre>{@code
 * var http = new ApimoHttp(ApimoConfig.of("https://api.apimo.pro", "1234", token));
 * Response r = http.get("/agencies/14/users", Map.of("limit", 10));
 * }</pre>
 */
public final class ApimoHttp {
  private static final String VERSION = versionOf();
  private static final Duration RETRY_AFTER_MISSING = Duration.ofSeconds(1);
  private static final Set<Integer> RETRY_STATUSES = Set.of(429, 500, 502, 503, 504);

  private final ApimoConfig config;
  private final Methanol client;
  private final RateLimiter throttle;
  private final ExecutorService ownExecutor;
  private final Map<RetryInterceptor.Context<?>, Duration> limiterWaits = new ConcurrentHashMap<>();
  private final List<ExchangeListener> listeners = new CopyOnWriteArrayList<>();
  private final Secrets secrets;
  private static final Pattern API_PATH = Pattern.compile("(/[A-Za-z0-9_.~-]+)+/?|/");
  private final QuotaCounter quota;
  private final Duration overallTimeout;
  private static final System.Logger LOG = System.getLogger("dev.apimoshell.http");
  private volatile Consumer<String> warnings =
      message -> LOG.log(System.Logger.Level.WARNING, message);
  private volatile boolean closed;
  private volatile Exchange lastExchange;

  /** A session that counts its requests in the user's cache directory (not for loopback). */
  public ApimoHttp(ApimoConfig config) {
    this(config, UserDirs.fromEnvironment().cache().resolve("quota"));
  }

  /**
   * A session that keeps its daily request count in {@code quotaDir} (null: in memory only). For
   * tests and for programs with their own cache directory.
   */
  public ApimoHttp(ApimoConfig config, Path quotaDir) {
    this(config, quotaDir, Clock.systemUTC(), false);
  }

  /** For tests: a quota counted on {@code clock}, also for a loopback server when asked. */
  public ApimoHttp(ApimoConfig config, Path quotaDir, Clock clock, boolean countLoopback) {
    this(
        new HttpSetup(
            RateLimiter.perSecond(config.requestsPerSecond()),
            quotaDir == null ? QuotaStore.inMemory() : QuotaStore.folder(quotaDir),
            clock,
            countLoopback,
            null,
            null,
            null,
            null),
        config);
  }

  /** A session with a shared limiter and quota store and the hooks of {@code setup}. */
  public static ApimoHttp open(ApimoConfig config, HttpSetup setup) {
    return new ApimoHttp(setup, config);
  }

  private ApimoHttp(HttpSetup setup, ApimoConfig config) {
    this.config = config;
    this.throttle = setup.limiter();
    this.secrets = Secrets.of(config.provider(), config.token());
    this.quota =
        config.hasCredentials()
                && setup.quota() != QuotaStore.none()
                && (setup.countLoopback() || !QuotaCounter.isLoopback(config.baseUrl()))
            ? new QuotaCounter(setup.quota(), config.baseUrl(), config.provider(), setup.clock())
            : null;
    this.overallTimeout = overallTimeout(config);
    KnownTokens.register(config.token());
    var builder =
        Methanol.newBuilder()
            .baseUri(config.baseUrl() + "/")
            .userAgent("apimo-shell/" + VERSION + " (Java " + Runtime.version().feature() + ")")
            .defaultHeader("Accept", "application/json")
            // Decoded here, not by the client, so the cap counts decoded bytes (BodyDecoding).
            .autoAcceptEncoding(false)
            .defaultHeader("Accept-Encoding", "gzip")
            .connectTimeout(config.connectTimeout())
            .requestTimeout(config.requestTimeout())
            .readTimeout(config.limits().readTimeout())
            .backendInterceptor(
                Methanol.Interceptor.create(
                    request -> {
                      countRequest();
                      return request;
                    }));
    if ("http".equals(config.baseUrl().getScheme())) {
      builder.version(HttpClient.Version.HTTP_1_1); // the JDK's h2c upgrade breaks on some servers
    }
    if (config.hasCredentials()) {
      builder.defaultHeader("Authorization", basic(config.provider(), config.token()));
    }
    if (config.maxRetries() > 0) {
      builder.interceptor(retries());
    }
    if (setup.executor() != null) {
      builder.executor(setup.executor());
      this.ownExecutor = null;
    } else {
      this.ownExecutor = Executors.newCachedThreadPool(HttpThreads.INSTANCE);
      builder.executor(ownExecutor);
    }
    if (setup.proxy() != null) {
      builder.proxy(setup.proxy());
    }
    if (setup.sslContext() != null) {
      builder.sslContext(setup.sslContext());
    }
    if (setup.customizer() != null) {
      setup.customizer().accept(builder);
    }
    this.client = builder.build();
  }

  public ApimoConfig config() {
    return config;
  }

  /** The read-only face of this engine that {@code ApimoClient.http()} hands out. */
  public HttpView view() {
    return view;
  }

  /**
   * The engine behind a client's {@code http()}: for the library's own packages, tests and benches
   * that send requests directly.
   *
   * @throws IllegalArgumentException when {@code view} is not one of this library's
   */
  public static ApimoHttp engine(HttpView view) {
    if (view instanceof View own) {
      return own.engine();
    }
    throw new IllegalArgumentException("Not the view of an ApimoHttp: " + view);
  }

  private final HttpView view = new View();

  private final class View implements HttpView {
    ApimoHttp engine() {
      return ApimoHttp.this;
    }

    @Override
    public Exchange lastExchange() {
      return ApimoHttp.this.lastExchange();
    }

    @Override
    public Optional<QuotaUsage> quota() {
      return ApimoHttp.this.quota();
    }

    @Override
    public double requestsPerSecond() {
      return throttle.rate();
    }

    @Override
    public void addListener(ExchangeListener listener) {
      ApimoHttp.this.addListener(listener);
    }

    @Override
    public void removeListener(ExchangeListener listener) {
      ApimoHttp.this.removeListener(listener);
    }

    @Override
    public String toString() {
      return ApimoHttp.this.toString();
    }
  }

  /** The request budget of this session, possibly shared with other sessions. */
  public RateLimiter limiter() {
    return throttle;
  }

  /**
   * Hands the day's count to the quota store and stops this session's threads; a request after that
   * fails. Idempotent.
   */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (quota != null) {
      quota.flush();
    }
    if (client instanceof AutoCloseable closeable) { // Java 21 and later
      try {
        closeable.close();
      } catch (Exception e) {
        // the threads below are stopped anyway
      }
    } else {
      SelectorThread.interrupt(client.underlyingClient());
    }
    if (ownExecutor != null) {
      ownExecutor.shutdownNow();
    }
    KnownTokens.forget(config.token());
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * GET {@code path} with the query parameters in order; throws an {@link ApimoException} for
   * anything but 2xx.
   */
  public Response get(String path, Map<String, ?> query) {
    String target = checkedPath(path) + queryString(query);
    return send("GET", target, MutableRequest.GET(relative(target)));
  }

  /** POST a JSON body. Never retried: Apimo writes are not idempotent. */
  public Response postJson(String path, byte[] json) {
    var request =
        MutableRequest.POST(relative(checkedPath(path)), BodyPublishers.ofByteArray(json))
            .header("Content-Type", "application/json; charset=utf-8");
    return send("POST", path, request);
  }

  public void addListener(ExchangeListener listener) {
    listeners.add(listener);
  }

  public void removeListener(ExchangeListener listener) {
    listeners.remove(listener);
  }

  /**
   * Today's request count for this provider, kept on disk so separate runs add up; empty for a
   * loopback server (the sandbox has no quota) or without credentials.
   */
  public Optional<QuotaUsage> quota() {
    return quota == null ? Optional.empty() : Optional.of(quota.usage());
  }

  /**
   * A notice for an operation about to send {@code requests} requests, when that is many (more than
   * 10) or more than today's remaining quota; empty otherwise. For example {@code "This needs about
   * 120 requests; 340 of 1,000 remain today (Paris day 2026-11-29)."}
   */
  public Optional<String> quotaNotice(long requests) {
    return quota()
        .filter(q -> requests > 10 || requests > q.remaining())
        .map(q -> notice(q, requests));
  }

  private static String notice(QuotaUsage q, long requests) {
    String text =
        String.format(
            java.util.Locale.ROOT,
            "This needs about %,d requests; %,d of %,d remain today (Paris day %s).",
            requests,
            q.remaining(),
            q.limit(),
            q.day());
    return requests > q.remaining()
        ? text + " Apimo will refuse the rest with 429 until midnight Paris time."
        : text;
  }

  /** Says {@code message} (one line) where warnings go: a damaged cache file, for example. */
  public void warn(String message) {
    warnings.accept(message);
  }

  /**
   * Where warnings (the quota at 80 %) go; by default the {@link System.Logger} {@code
   * dev.apimoshell.http} at level WARNING.
   */
  public void onWarning(Consumer<String> sink) {
    this.warnings = sink == null ? message -> {} : sink;
  }

  /** The last exchange of this session, error responses included; {@code null} before the first. */
  public Exchange lastExchange() {
    return lastExchange;
  }

  /** Whether this thread's requests are {@link #aside}. */
  private static final ThreadLocal<Boolean> ASIDE = ThreadLocal.withInitial(() -> false);

  /**
   * Runs {@code work} on this thread without its requests becoming any session's {@link
   * #lastExchange()}: printing a record card asks catalogs for the words of its codes, and {@code
   * /raw} must still show the record's own response.
   *
   * <pre>{@code ApimoHttp.aside(() -> Flattener.flatten(property, true))}</pre>
   */
  public static <T> T aside(java.util.function.Supplier<T> work) {
    boolean was = ASIDE.get();
    ASIDE.set(true);
    try {
      return work.get();
    } finally {
      ASIDE.set(was);
    }
  }

  @Override
  public String toString() {
    return "ApimoHttp["
        + config.baseUrl()
        + ", provider "
        + (config.provider() == null ? "(none)" : config.provider())
        + "]";
  }

  private Response send(String method, String target, MutableRequest request) {
    if (!config.hasCredentials()) {
      throw new ApimoException.ConfigurationException(
          "No Apimo credentials for "
              + method
              + " "
              + target
              + ": give them to the builder (ApimoClient.builder().provider(id).token(token)),"
              + " or set APIMO_PROVIDER and APIMO_TOKEN for the default client.",
          method,
          target);
    }
    if (closed) {
      throw new ApimoException.ConfigurationException(
          "This client is closed: build a new one (ApimoClient.builder())", method, target);
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("Stopped before " + method + " " + target);
    }
    RateLimiter.Slot start = throttle.acquire();
    var attempt = new Attempt(start);
    request.tag(Attempt.class, attempt);
    // Its answer's headers tell the limiter when it reached the server at the latest; a failure
    // with no answer ends it too, before the next request on this thread asks for its turn.
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(
            request,
            info -> {
              throttle.answered(attempt.slot);
              return capped(info);
            });
    var done = future.whenComplete((response, failure) -> throttle.answered(attempt.slot));
    HttpResponse<byte[]> response;
    try {
      response = done.get(overallTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      record(method, target, 0, start, new byte[0]);
      throw new CancellationException("Stopped during " + method + " " + target);
    } catch (TimeoutException e) {
      future.cancel(true);
      record(method, target, 0, start, new byte[0]);
      throw ErrorMessages.forFailure(
          new HttpTimeoutException(
              "no complete answer within " + overallTimeout.toSeconds() + " s"),
          method,
          config.baseUrl().toString(),
          target);
    } catch (ExecutionException e) {
      record(method, target, 0, start, new byte[0]);
      Throwable cause = unwrap(e.getCause());
      var jdkCut = CappedBodySubscriber.CutBodyException.fromJdk(cause);
      if (jdkCut != null) {
        cause = jdkCut;
      }
      if (cause instanceof CappedBodySubscriber.CutBodyException cut) {
        throw new ApimoException.ConnectionException(
            "The response to "
                + method
                + " "
                + target
                + " from "
                + config.baseUrl()
                + " was cut: "
                + cut.getMessage()
                + ". The connection closed early; try again.",
            method,
            target,
            cut);
      }
      throw ErrorMessages.forFailure(cause, method, config.baseUrl().toString(), target);
    }
    int status = response.statusCode();
    String framing = BodyDecoding.framingProblem(response.headers());
    if (framing != null) {
      record(method, target, status, start, new byte[0]);
      throw new Response(method, target, status, new byte[0]).malformed(framing, null);
    }
    byte[] body;
    try {
      body = BodyDecoding.decode(response, config.limits().effectiveMaxBodyBytes());
    } catch (BodyDecoding.BadBodyException e) {
      record(method, target, status, start, new byte[0]);
      throw new Response(method, target, status, new byte[0]).malformed(e.getMessage(), e);
    }
    boolean ok = status / 100 == 2;
    record(method, target, status, start, ok ? body : redacted(body));
    if (!ok) {
      throw ErrorMessages.forStatus(
          status, method, target, body, config.provider(), secrets, hints(response));
    }
    if (body.length == 0 && status == 200 && "GET".equals(method)) {
      throw new Response(method, target, status, body)
          .malformed("the body was empty (status 200 with no content)", null);
    }
    return new Response(method, target, status, body, ErrorMessages.excerpt(body, secrets));
  }

  /** The limiter's slot of a request's attempt in flight: the first one's, then each retry's. */
  private static final class Attempt {
    volatile RateLimiter.Slot slot;

    Attempt(RateLimiter.Slot first) {
      slot = first;
    }

    /** The attempt before is over (its answer or failure is in); the retry takes {@code next}. */
    void next(RateLimiter throttle, RateLimiter.Slot next) {
      throttle.answered(slot);
      slot = next;
    }
  }

  private BodySubscriber<byte[]> capped(HttpResponse.ResponseInfo info) {
    return new CappedBodySubscriber(
        config.limits(), info.headers().firstValueAsLong("Content-Length"));
  }

  private ErrorMessages.Hints hints(HttpResponse<?> response) {
    Duration retryAfter =
        RetryAfter.of(response.headers(), Clock.systemUTC())
            .filter(wait -> wait.compareTo(config.maxRetryWait()) > 0)
            .orElse(null);
    return new ErrorMessages.Hints(
        response.headers().firstValue("Location").orElse(null), retryAfter, config.maxRetryWait());
  }

  private byte[] redacted(byte[] body) {
    return secrets
        .redact(new String(body, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof IOException && cause.getCause() instanceof BodyLimitException limit) {
      return limit;
    }
    if (cause instanceof IOException
        && cause.getCause() instanceof CappedBodySubscriber.CutBodyException cut) {
      return cut;
    }
    return cause;
  }

  private void record(
      String method, String target, int status, RateLimiter.Slot start, byte[] body) {
    long millis = Duration.ofNanos(System.nanoTime() - start.startNanos()).toMillis();
    var exchange =
        new Exchange(
            method,
            config.baseUrl() + target,
            status,
            millis,
            body.length,
            body,
            start.startNanos(),
            Duration.ofNanos(start.waitedNanos()));
    if (!ASIDE.get()) {
      lastExchange = exchange;
    }
    for (ExchangeListener listener : listeners) {
      listener.onExchange(exchange);
    }
  }

  private void countRequest() {
    if (quota == null) {
      return;
    }
    QuotaUsage crossed = quota.countOne();
    String damaged = quota.takeNotice();
    if (damaged != null) {
      warnings.accept(damaged);
    }
    if (crossed != null) {
      warnings.accept(
          "Warning: "
              + crossed
              + ". Apimo refuses requests past "
              + String.format(java.util.Locale.ROOT, "%,d", crossed.limit())
              + " until midnight Paris time.");
      for (ExchangeListener listener : listeners) {
        listener.onQuotaWarning(crossed);
      }
    }
  }

  private void notifyRetry(RetryInterceptor.Context<?> context, HttpRequest next, Duration wait) {
    Duration limiterWait = limiterWaits.getOrDefault(context, Duration.ZERO);
    limiterWaits.remove(context);
    String reason =
        context
            .response()
            .map(r -> "HTTP " + r.statusCode())
            .orElseGet(
                () ->
                    context
                        .exception()
                        .map(ApimoHttp::unwrap)
                        .map(t -> t.getClass().getSimpleName() + describeMessage(t))
                        .orElse("a failure"));
    URI uri = next.uri();
    String url = uri.isAbsolute() ? uri.toString() : config.baseUrl() + "/" + uri;
    var retry =
        new RetryWait(
            next.method(),
            url,
            context.retryCount() + 1,
            config.maxRetries(),
            reason,
            wait,
            limiterWait);
    for (ExchangeListener listener : listeners) {
      listener.onRetry(retry);
    }
  }

  private static String describeMessage(Throwable t) {
    return t.getMessage() == null ? "" : ": " + ErrorMessages.oneLine(t.getMessage(), 120);
  }

  /** Whether an attempt deserves another: a transient status or a dropped connection. */
  private boolean retryable(RetryInterceptor.Context<?> context) {
    if (context.response().isPresent()) {
      HttpResponse<?> response = context.response().get();
      return RETRY_STATUSES.contains(response.statusCode())
          && RetryAfter.of(response.headers(), Clock.systemUTC())
              .map(wait -> wait.compareTo(config.maxRetryWait()) <= 0)
              .orElse(true);
    }
    return context
        .exception()
        .map(ApimoHttp::unwrap)
        .map(
            t ->
                t instanceof IOException
                    && !(t instanceof HttpTimeoutException)
                    && !(t instanceof BodyLimitException))
        .orElse(false);
  }

  private RetryInterceptor retries() {
    BackoffStrategy exponential =
        BackoffStrategy.exponential(config.retryBackoff(), config.maxRetryWait());
    BackoffStrategy retryAfter = BackoffStrategy.retryAfterOr(exponential);
    Duration cap = config.maxRetryWait();
    return RetryInterceptor.newBuilder()
        .maxRetries(config.maxRetries())
        .on(this::retryable)
        .backoff(
            context -> {
              Duration wait = retryAfter.backoff(context);
              if (wait == null || wait.isNegative()) {
                wait = RETRY_AFTER_MISSING;
              }
              Duration backoff = wait.compareTo(cap) > 0 ? cap : wait;
              // A retry is a request like any other: it waits for its slot in the budget.
              RateLimiter.Slot slot = throttle.reserveAfter(backoff);
              TaggableRequest.tagOf(context.request(), Attempt.class)
                  .ifPresent(attempt -> attempt.next(throttle, slot));
              Duration limiterWait = Duration.ofNanos(slot.waitedNanos());
              if (!limiterWait.isZero()) {
                limiterWaits.put(context, limiterWait);
              }
              return backoff.plus(limiterWait);
            })
        .listener(
            new RetryInterceptor.Listener() {
              @Override
              public void onRetry(
                  RetryInterceptor.Context<?> context, HttpRequest next, Duration delay) {
                notifyRetry(context, next, delay);
              }
            })
        .build();
  }

  /**
   * A safety net over everything a request may legitimately take (each attempt's timeouts and the
   * waits between them), so that even a failure lost inside the HTTP client ends the call.
   */
  private static Duration overallTimeout(ApimoConfig config) {
    Duration attempt =
        config
            .connectTimeout()
            .plus(config.requestTimeout())
            .plus(config.limits().bodyTimeout())
            .plus(config.limits().readTimeout());
    return attempt
        .plus(config.maxRetryWait())
        .multipliedBy(config.maxRetries() + 1L)
        .plusSeconds(10);
  }

  /**
   * Refuses a path that would leave the base URL ({@code ../}, {@code //host}, {@code
   * https://elsewhere}, where the credentials would follow) or smuggle a query, a fragment or a
   * control character, before anything is sent: {@code /agencies/14/users} passes.
   */
  static String checkedPath(String path) {
    boolean ok = path != null && API_PATH.matcher(path).matches();
    if (ok) {
      for (String segment : path.substring(1).split("/")) {
        ok &= !segment.equals(".") && !segment.equals("..");
      }
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "Not an API path: "
              + (path == null ? "null" : "'" + ControlChars.inline(path) + "'")
              + " (a path below the base URL, such as /agencies/14/users; query parameters go in"
              + " the map)");
    }
    return path;
  }

  private static String relative(String target) {
    return target.startsWith("/") ? target.substring(1) : target;
  }

  private static String queryString(Map<String, ?> query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    var joiner = new StringJoiner("&", "?", "");
    query.forEach(
        (name, value) -> {
          if (value != null) {
            joiner.add(encode(name) + "=" + encode(String.valueOf(value)));
          }
        });
    return joiner.length() == 1 ? "" : joiner.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String basic(String provider, String token) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((provider + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  private static String versionOf() {
    String v = ApimoHttp.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
