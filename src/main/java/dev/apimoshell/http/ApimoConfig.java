package dev.apimoshell.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how to reach Apimo: base URL, credentials and the client's manners (timeouts, retries,
 * self-throttling).
 *
 * <pre>{@code
 * var config = ApimoConfig.of("https://api.apimo.pro", "1234", token)
 *     .withRequestsPerSecond(5);
 * }</pre>
 *
 * <p>{@link #toString()} never shows the token, so a config can be printed or logged. {@link #of}
 * refuses plain {@code http://} to a host other than loopback (Basic auth would carry the token in
 * clear); {@link #insecure} and the canonical constructor leave that choice to the caller.
 *
 * @param baseUrl the API root, e.g. {@code https://api.apimo.pro}
 * @param provider the provider id (Basic auth user)
 * @param token the secret token (Basic auth password)
 * @param connectTimeout time to open a connection
 * @param requestTimeout time for a whole response
 * @param maxRetries retries of a GET after 429, 5xx or a dropped connection
 * @param retryBackoff first wait between retries; doubles up to {@code maxRetryWait}
 * @param maxRetryWait cap on any single wait, {@code Retry-After} included
 * @param requestsPerSecond the connection's request budget, shared by every query and retry; 0
 *     turns it off (Apimo allows 10/s)
 * @param limits how long a response body may take and how large it may grow
 */
public record ApimoConfig(
    URI baseUrl,
    String provider,
    String token,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxRetries,
    Duration retryBackoff,
    Duration maxRetryWait,
    double requestsPerSecond,
    Limits limits) {

  public static final String DEFAULT_BASE_URL = "https://api.apimo.pro";

  public ApimoConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(maxRetryWait, "maxRetryWait");
    Objects.requireNonNull(limits, "limits");
    positive("connectTimeout", connectTimeout);
    positive("headersTimeout", requestTimeout);
    if (retryBackoff.isNegative()) {
      throw new IllegalArgumentException("retryBackoff must be >= 0, was " + retryBackoff);
    }
    if (maxRetryWait.isNegative()) {
      throw new IllegalArgumentException("maxRetryWait must be >= 0, was " + maxRetryWait);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    if (requestsPerSecond < 0) {
      throw new IllegalArgumentException(
          "requestsPerSecond must be >= 0, was " + requestsPerSecond);
    }
  }

  /**
   * {@code value} when it is a positive duration.
   *
   * @throws IllegalArgumentException naming {@code setting} otherwise, e.g. {@code connectTimeout
   *     must be positive, was PT-1S}
   */
  public static Duration positive(String setting, Duration value) {
    Objects.requireNonNull(value, setting);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(setting + " must be positive, was " + value);
    }
    return value;
  }

  /**
   * A config with Apimo's defaults: 10 s connect, 60 s per request, 3 retries, 10 requests/s.
   *
   * @throws IllegalArgumentException for a malformed URL, or a plain {@code http://} URL to a host
   *     other than loopback while credentials are given: Basic auth would send the token in clear
   *     (use {@link #insecure} to accept that)
   */
  public static ApimoConfig of(String baseUrl, String provider, String token) {
    ApimoConfig config = insecure(baseUrl, provider, token);
    if (config.hasCredentials() && config.sendsCredentialsInClear()) {
      throw new IllegalArgumentException(
          "Refusing "
              + config.baseUrl()
              + ": plain http sends the token in clear to another machine; use https://, or"
              + " accept the risk with ApimoClient.builder().insecure(true) (APIMO_INSECURE=true"
              + " for the default client)");
    }
    return config;
  }

  /**
   * Like {@link #of}, but also allows plain {@code http://} to any host: for a test server or a
   * proxy on a trusted network, where sending the token in clear is a choice.
   *
   * <pre>{@code ApimoClient.connect(ApimoConfig.insecure("http://apimo.lan:8080", "1", token))}
   * </pre>
   */
  public static ApimoConfig insecure(String baseUrl, String provider, String token) {
    return new ApimoConfig(
        parseBaseUrl(baseUrl),
        blankToNull(provider),
        blankToNull(token),
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        3,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        10,
        Limits.DEFAULT);
  }

  /**
   * Reads {@code APIMO_BASE_URL} (default {@value #DEFAULT_BASE_URL}), {@code APIMO_PROVIDER},
   * {@code APIMO_TOKEN}; {@code APIMO_INSECURE=true} allows plain http to any host (see {@link
   * #insecure}); {@code APIMO_RATE_LIMIT} sets the requests per second (0: off; default 10).
   */
  public static ApimoConfig fromEnvironment(Map<String, String> env) {
    String url = env.getOrDefault("APIMO_BASE_URL", "");
    String base = url.isBlank() ? DEFAULT_BASE_URL : url;
    ApimoConfig config =
        isTrue(env.get("APIMO_INSECURE"))
            ? insecure(base, env.get("APIMO_PROVIDER"), env.get("APIMO_TOKEN"))
            : of(base, env.get("APIMO_PROVIDER"), env.get("APIMO_TOKEN"));
    String rate = env.get("APIMO_RATE_LIMIT");
    return rate == null || rate.isBlank()
        ? config
        : config.withRequestsPerSecond(parseRate(rate, "APIMO_RATE_LIMIT"));
  }

  /**
   * A rate limit as a user types it ({@code "10"}, {@code "2.5"}, {@code "0"} for none).
   *
   * @param where the setting's name for the message, e.g. {@code --rate-limit}
   * @throws IllegalArgumentException naming the setting, for anything but a number &gt;= 0
   */
  public static double parseRate(String text, String where) {
    try {
      double rate = Double.parseDouble(text.strip());
      if (rate >= 0 && Double.isFinite(rate)) {
        return rate;
      }
    } catch (NumberFormatException e) {
      // the message below says what is expected
    }
    throw new IllegalArgumentException(
        where
            + " must be a number of requests per second, 0 for no limit (Apimo allows 10); was '"
            + text.strip()
            + "'");
  }

  /** The budget in words: {@code rate limit 10/s} or {@code no rate limit}. */
  public String rateLimitText() {
    if (requestsPerSecond == 0) {
      return "no rate limit";
    }
    return "rate limit "
        + (requestsPerSecond == Math.rint(requestsPerSecond)
            ? String.valueOf((long) requestsPerSecond)
            : String.valueOf(requestsPerSecond))
        + "/s";
  }

  /** {@code true}, {@code yes} or {@code 1}, in any case: how settings spell "on". */
  public static boolean isTrue(String value) {
    return value != null
        && Set.of("true", "yes", "1").contains(value.strip().toLowerCase(Locale.ROOT));
  }

  /** Plain http to a host other than this machine: anyone on the way can read the token. */
  public boolean sendsCredentialsInClear() {
    return baseUrl.getScheme().equals("http") && !isLoopback(baseUrl.getHost());
  }

  /**
   * Whether {@code url} names this machine: {@code localhost} or a loopback address literal, never
   * a DNS name such as {@code 127.example.com}; for example {@code http://127.0.0.1:8080}.
   */
  public static boolean isLoopback(URI url) {
    return url.getHost() != null && isLoopback(url.getHost());
  }

  /** {@code localhost} or a loopback address literal; never asks DNS. */
  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.startsWith("[") && !host.matches("[0-9.]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public boolean hasCredentials() {
    return provider != null && token != null;
  }

  public ApimoConfig withTimeouts(Duration connect, Duration request) {
    return new ApimoConfig(
        baseUrl,
        provider,
        token,
        connect,
        request,
        maxRetries,
        retryBackoff,
        maxRetryWait,
        requestsPerSecond,
        limits);
  }

  public ApimoConfig withRetries(int max, Duration backoff, Duration maxWait) {
    return new ApimoConfig(
        baseUrl,
        provider,
        token,
        connectTimeout,
        requestTimeout,
        max,
        backoff,
        maxWait,
        requestsPerSecond,
        limits);
  }

  public ApimoConfig withRequestsPerSecond(double perSecond) {
    return new ApimoConfig(
        baseUrl,
        provider,
        token,
        connectTimeout,
        requestTimeout,
        maxRetries,
        retryBackoff,
        maxRetryWait,
        perSecond,
        limits);
  }

  /**
   * The same config with other body limits, e.g. {@code
   * withLimits(Limits.DEFAULT.withMaxBodyBytes(256 << 20))}.
   */
  public ApimoConfig withLimits(Limits newLimits) {
    return new ApimoConfig(
        baseUrl,
        provider,
        token,
        connectTimeout,
        requestTimeout,
        maxRetries,
        retryBackoff,
        maxRetryWait,
        requestsPerSecond,
        newLimits);
  }

  /**
   * Bounds on one response body, so a stalled, dripping or inflating server ends a request with a
   * clear error instead of a hang or an {@link OutOfMemoryError}.
   *
   * <pre>{@code
   * ApimoConfig.of(url, provider, token)
   *     .withLimits(ApimoConfig.Limits.DEFAULT.withBodyTimeout(Duration.ofMinutes(5)));
   * }</pre>
   *
   * @param readTimeout longest wait for the next bytes of a body
   * @param bodyTimeout longest time to receive a whole body, however slowly it trickles in
   * @param maxBodyBytes most bytes of one body after decompression (a page of 10,000 users is about
   *     5 MB)
   */
  public record Limits(Duration readTimeout, Duration bodyTimeout, long maxBodyBytes) {
    /** 30 s without a byte, 120 s for a whole body, 64 MiB decoded. */
    public static final Limits DEFAULT =
        new Limits(Duration.ofSeconds(30), Duration.ofSeconds(120), 64L << 20);

    public Limits {
      positive("readTimeout", readTimeout);
      positive("bodyTimeout", bodyTimeout);
      if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException(
            "maxBodyBytes must be between 1 and about 2 GB, was " + maxBodyBytes);
      }
    }

    /**
     * The cap in force: {@link #maxBodyBytes()}, but at most a quarter of the Java heap ({@code
     * -Xmx}), so that one page can never exhaust it.
     */
    public long effectiveMaxBodyBytes() {
      return Math.min(maxBodyBytes, Runtime.getRuntime().maxMemory() / 4);
    }

    public Limits withReadTimeout(Duration timeout) {
      return new Limits(timeout, bodyTimeout, maxBodyBytes);
    }

    public Limits withBodyTimeout(Duration timeout) {
      return new Limits(readTimeout, timeout, maxBodyBytes);
    }

    public Limits withMaxBodyBytes(long max) {
      return new Limits(readTimeout, bodyTimeout, max);
    }
  }

  @Override
  public String toString() {
    return "ApimoConfig["
        + baseUrl
        + ", provider "
        + (provider == null ? "(none)" : provider)
        + ", token "
        + (token == null ? "(none)" : "(hidden)")
        + "]";
  }

  private static URI parseBaseUrl(String url) {
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Not a valid base URL: '" + url + "' (expected e.g. " + DEFAULT_BASE_URL + ")");
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "Not a valid base URL: '" + url + "' (expected e.g. " + DEFAULT_BASE_URL + ")");
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "Put credentials in the provider and token settings, not in the base URL");
    }
    return uri;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
