package dev.apimoshell.shell;

import dev.apimoshell.Apimo;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.api.PageListener;
import dev.apimoshell.http.ApimoHttp;
import dev.apimoshell.http.Exchange;
import dev.apimoshell.http.ExchangeListener;
import java.io.PrintWriter;

/**
 * {@code /http on}: one line per HTTP exchange of the default client (method, URL, status, time,
 * size). URLs never carry credentials: those travel in a header.
 */
final class HttpTrace {

  private final PrintWriter out;
  private final ExchangeListener listener = this::print;
  private final PageListener warnings =
      PageListener.warnings((path, message) -> print("warning: " + path + ": " + message));
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
    print(e.toString());
  }

  private void print(String line) {
    out.println("http: " + line);
    out.flush();
  }
}
