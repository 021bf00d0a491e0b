package dev.apimoshell.internal.http;

import dev.apimoshell.http.QuotaStore;
import dev.apimoshell.http.RateLimiter;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * What a session takes besides its {@code ApimoConfig}: the shared limiter and quota store, and the
 * hooks on the JDK's HTTP client.
 *
 * @param limiter the request budget, possibly shared with other clients
 * @param quota where the daily count goes
 * @param clock the clock of the daily count
 * @param countLoopback count requests to a loopback server too (tests)
 * @param executor the HTTP client's threads; null for the session's own, stopped on close
 * @param proxy a proxy selector, or null for none
 * @param sslContext the TLS context, or null for the JDK's default
 * @param customizer last say on the HTTP client's builder; null for none
 */
public record HttpSetup(
    RateLimiter limiter,
    QuotaStore quota,
    Clock clock,
    boolean countLoopback,
    Executor executor,
    ProxySelector proxy,
    SSLContext sslContext,
    Consumer<HttpClient.Builder> customizer) {

  /** The limiter of {@code perSecond}, no hook. */
  public static HttpSetup of(double perSecond, QuotaStore quota) {
    return new HttpSetup(
        RateLimiter.perSecond(perSecond), quota, Clock.systemUTC(), false, null, null, null, null);
  }
}
