package dev.apimoshell.http;

/** Told of every finished exchange; the shell's {@code /http on} prints them. */
@FunctionalInterface
public interface ExchangeListener {
  void onExchange(Exchange exchange);
}
