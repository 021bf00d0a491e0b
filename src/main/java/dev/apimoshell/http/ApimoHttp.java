package dev.apimoshell.http;

import com.github.mizosoft.methanol.Methanol;
import com.github.mizosoft.methanol.MutableRequest;
import com.github.mizosoft.methanol.RetryInterceptor;
import com.github.mizosoft.methanol.RetryInterceptor.BackoffStrategy;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * The HTTP session with one Apimo account: a Methanol client with the base URL, preemptive Basic
 * auth, gzip, timeouts, retries of GETs on 429/5xx/dropped connections (honouring {@code
 * Retry-After}, capped), and a client-side throttle.
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

  private final ApimoConfig config;
  private final Methanol client;
  private final Throttle throttle;
  private final List<ExchangeListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Exchange lastExchange;

  public ApimoHttp(ApimoConfig config) {
    this.config = config;
    this.throttle = new Throttle(config.requestsPerSecond());
    var builder =
        Methanol.newBuilder()
            .baseUri(config.baseUrl() + "/")
            .userAgent("apimo-shell/" + VERSION + " (Java " + Runtime.version().feature() + ")")
            .defaultHeader("Accept", "application/json")
            .autoAcceptEncoding(true)
            .connectTimeout(config.connectTimeout())
            .requestTimeout(config.requestTimeout());
    if ("http".equals(config.baseUrl().getScheme())) {
      builder.version(HttpClient.Version.HTTP_1_1); // the JDK's h2c upgrade breaks on some servers
    }
    if (config.hasCredentials()) {
      builder.defaultHeader("Authorization", basic(config.provider(), config.token()));
    }
    if (config.maxRetries() > 0) {
      builder.interceptor(retries(config));
    }
    this.client = builder.build();
  }

  public ApimoConfig config() {
    return config;
  }

  /**
   * GET {@code path} with the query parameters in order; throws an {@link ApimoException} for
   * anything but 2xx.
   */
  public Response get(String path, Map<String, ?> query) {
    String target = path + queryString(query);
    return send("GET", target, MutableRequest.GET(relative(target)));
  }

  /** POST a JSON body. Never retried: Apimo writes are not idempotent. */
  public Response postJson(String path, byte[] json) {
    var request =
        MutableRequest.POST(relative(path), BodyPublishers.ofByteArray(json))
            .header("Content-Type", "application/json; charset=utf-8");
    return send("POST", path, request);
  }

  public void addListener(ExchangeListener listener) {
    listeners.add(listener);
  }

  public void removeListener(ExchangeListener listener) {
    listeners.remove(listener);
  }

  /** The last exchange of this session, error responses included; {@code null} before the first. */
  public Exchange lastExchange() {
    return lastExchange;
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
              + ": set APIMO_PROVIDER and APIMO_TOKEN"
              + " (or use Apimo.connect(url, provider, token), or start the shell with --sandbox).",
          method,
          target);
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("Stopped before " + method + " " + target);
    }
    throttle.acquire();
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request, BodyHandlers.ofByteArray());
    HttpResponse<byte[]> response;
    try {
      response = future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      record(method, target, 0, start, new byte[0]);
      throw new CancellationException("Stopped during " + method + " " + target);
    } catch (ExecutionException e) {
      record(method, target, 0, start, new byte[0]);
      throw ErrorMessages.forFailure(e.getCause(), method, config.baseUrl().toString(), target);
    }
    byte[] body = response.body() == null ? new byte[0] : response.body();
    record(method, target, response.statusCode(), start, body);
    if (response.statusCode() / 100 != 2) {
      throw ErrorMessages.forStatus(response.statusCode(), method, target, body, config.provider());
    }
    return new Response(method, target, response.statusCode(), body);
  }

  private void record(String method, String target, int status, long startNanos, byte[] body) {
    long millis = Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    var exchange =
        new Exchange(method, config.baseUrl() + target, status, millis, body.length, body);
    lastExchange = exchange;
    for (ExchangeListener listener : listeners) {
      listener.onExchange(exchange);
    }
  }

  private static RetryInterceptor retries(ApimoConfig config) {
    BackoffStrategy exponential =
        BackoffStrategy.exponential(config.retryBackoff(), config.maxRetryWait());
    BackoffStrategy retryAfter = BackoffStrategy.retryAfterOr(exponential);
    Duration cap = config.maxRetryWait();
    return RetryInterceptor.newBuilder()
        .maxRetries(config.maxRetries())
        .onStatus(
            status ->
                status == 429 || status == 502 || status == 503 || status == 504 || status == 500)
        .onException(t -> t instanceof IOException && !(t instanceof HttpTimeoutException))
        .backoff(
            context -> {
              Duration wait = retryAfter.backoff(context);
              if (wait == null || wait.isNegative()) {
                wait = RETRY_AFTER_MISSING;
              }
              return wait.compareTo(cap) > 0 ? cap : wait;
            })
        .build();
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
