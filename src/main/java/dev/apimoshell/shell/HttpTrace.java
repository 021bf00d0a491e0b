package dev.apimoshell.shell;

import dev.apimoshell.Apimo;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.Exchange;
import dev.apimoshell.http.ExchangeListener;
import dev.apimoshell.http.HttpView;
import dev.apimoshell.http.PageListener;
import dev.apimoshell.http.QuotaUsage;
import dev.apimoshell.http.RetryWait;
import java.io.PrintWriter;

/**
 * {@code /http on}: one line per HTTP exchange of the default client (method, URL, status, time,
 * size, when it started counted from {@code /http on} and how long it queued for the rate limit),
 * one per retry (why, how long it waits) and the day's request count against Apimo's quota. URLs
 * never carry credentials: those travel in a header.
 *
 * <pre>
 * http: GET https://api.apimo.pro/agencies/14/users?limit=1000&amp;offset=0 200 42 ms 1.2 KiB,
 *     started 1205 ms after /http on, waited 95 ms for the rate limit (3/1000 today)
 * </pre>
 */
final class HttpTrace {

  private final PrintWriter out;
  private final ExchangeListener listener =
      new ExchangeListener() {
        @Override
        public void onExchange(Exchange exchange) {
          print(exchange);
        }

        @Override
        public void onRetry(RetryWait retry) {
          line("http: " + retry);
        }

        @Override
        public void onQuotaWarning(QuotaUsage usage) {
          line("http: quota warning: " + usage);
        }
      };
  // stays on the default client once added (a client is immutable), silent while tracing is off
  private final PageListener warnings =
      PageListener.warnings(
          (path, message) -> {
            if (isOn()) {
              line("http: warning: " + path + ": " + message);
            }
          });
  private volatile HttpView traced;
  private volatile long onSince = System.nanoTime();

  HttpTrace(PrintWriter out) {
    this.out = out;
  }

  /** Starts tracing the current default client; true when tracing is on. */
  boolean on() {
    off();
    ApimoClient client = Apimo.client().withPageListener(warnings);
    Apimo.useDefault(client);
    traced = client.http();
    onSince = System.nanoTime();
    traced.addListener(listener);
    traced.quota().ifPresent(q -> line("http: quota: " + q));
    return true;
  }

  void off() {
    if (traced != null) {
      traced.removeListener(listener);
      traced = null;
    }
  }

  boolean isOn() {
    return traced != null;
  }

  private void print(Exchange e) {
    HttpView http = traced;
    String quota =
        http == null
            ? ""
            : http.quota().map(q -> " (" + q.used() + "/" + q.limit() + " today)").orElse("");
    line("http: " + e + timing(e, http) + quota);
  }

  private String timing(Exchange e, HttpView http) {
    if (e.startNanos() == 0) {
      return "";
    }
    long started = Math.max(0, (e.startNanos() - onSince) / 1_000_000);
    boolean limited = http != null && http.requestsPerSecond() > 0;
    return ", started "
        + started
        + " ms after /http on"
        + (limited ? ", waited " + e.limiterWait().toMillis() + " ms for the rate limit" : "");
  }

  private synchronized void line(String text) {
    Progress.clearShown(); // never "…(Ctrl-C stops)http: GET …" on one line
    out.println(text);
    out.flush();
  }
}
