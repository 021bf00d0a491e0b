package dev.apimoshell.shell;

import dev.apimoshell.Apimo;
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
  private ApimoHttp traced;

  HttpTrace(PrintWriter out) {
    this.out = out;
  }

  /** Starts tracing the current default client; true when tracing is on. */
  boolean on() {
    off();
    traced = Apimo.client().http();
    traced.addListener(listener);
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
    out.println("http: " + e);
    out.flush();
  }
}
