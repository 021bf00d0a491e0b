package dev.apimoshell.shell;

import dev.apimoshell.Apimo;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.api.PageListener;
import dev.apimoshell.http.ApimoHttp;
import dev.apimoshell.http.Exchange;
import dev.apimoshell.http.ExchangeListener;
import dev.apimoshell.http.QuotaUsage;
import dev.apimoshell.http.RetryWait;
import java.io.PrintWriter;

/**
 * {@code /http on}: one line per HTTP exchange of the default client (method, URL, status, time,
 * size), one per retry (why, how long it waits) and the day's request count against Apimo's quota.
 * URLs never carry credentials: those travel in a header.
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
  private final PageListener warnings =
      PageListener.warnings((path, message) -> line("http: warning: " + path + ": " + message));
  private ApimoHttp traced;
  private ApimoClient tracedClient;

  HttpTrace(PrintWriter out) {
    this.out = out;
  }

  /** Starts tracing the current default client; true when tracing is on. */
  boolean on() {
    off();
    tracedClient = Apimo.client();
    traced = tracedClient.http();
    traced.addListener(listener);
    tracedClient.addPageListener(warnings);
    traced.quota().ifPresent(q -> line("http: quota: " + q));
    return true;
  }

  void off() {
    if (traced != null) {
      traced.removeListener(listener);
      traced = null;
      tracedClient.removePageListener(warnings);
      tracedClient = null;
    }
  }

  boolean isOn() {
    return traced != null;
  }

  private void print(Exchange e) {
    ApimoHttp http = traced;
    String quota =
        http == null
            ? ""
            : http.quota().map(q -> " (" + q.used() + "/" + q.limit() + " today)").orElse("");
    line("http: " + e + quota);
  }

  private synchronized void line(String text) {
    out.println(text);
    out.flush();
  }
}
