package dev.apimoshell.http;

/**
 * Told of what the HTTP session does, one method per event; the shell's {@code /http on} prints
 * them. Every method but {@link #onExchange} does nothing by default, so new events never break a
 * listener. Listeners run on the request's threads: keep them fast and never throw.
 */
@FunctionalInterface
public interface ExchangeListener {
  /** A request got its response (or failed for good). */
  void onExchange(Exchange exchange);

  /** A request failed and will be sent again after {@link RetryWait#delay()}. */
  default void onRetry(RetryWait retry) {}

  /** The daily quota count moved past a threshold worth telling (80 % of the limit). */
  default void onQuotaWarning(QuotaUsage usage) {}
}
