package dev.apimoshell.snapshot;

import dev.apimoshell.http.Exchange;
import dev.apimoshell.http.ExchangeListener;
import dev.apimoshell.http.RetryWait;
import dev.apimoshell.internal.http.ApimoHttp;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the requests a client sends while it is open, retries included (each costs quota). */
final class RequestCount implements ExchangeListener, AutoCloseable {
  private final ApimoHttp http;
  private final AtomicLong count = new AtomicLong();

  private RequestCount(ApimoHttp http) {
    this.http = http;
  }

  static RequestCount on(ApimoHttp http) {
    RequestCount counter = new RequestCount(http);
    http.addListener(counter);
    return counter;
  }

  long value() {
    return count.get();
  }

  @Override
  public void onExchange(Exchange exchange) {
    count.incrementAndGet();
  }

  @Override
  public void onRetry(RetryWait retry) {
    count.incrementAndGet();
  }

  @Override
  public void close() {
    http.removeListener(this);
  }
}
