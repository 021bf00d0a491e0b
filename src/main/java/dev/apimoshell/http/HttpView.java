package dev.apimoshell.http;

import java.util.Optional;

/**
 * What a caller may see of a client's HTTP connection: the last exchange (for {@code /raw}), the
 * day's quota, the rate limit, and a trace of every exchange. It sends nothing: requests go through
 * the client's queries.
 *
 * <pre>{@code
 * var http = client.http();
 * http.addListener(exchange -> log.info(exchange.toString()));
 * client.agency(14).users().count();
 * System.out.println(http.lastExchange().status());
 * }</pre>
 *
 * <p>Clients sharing a connection ({@code culture(..)}, {@code parallel(..)}) share this view.
 */
public interface HttpView {
  /** The last exchange of the connection, error responses included; {@code null} before any. */
  Exchange lastExchange();

  /**
   * Today's request count for this provider; empty for a loopback server (the sandbox has no quota)
   * or without credentials.
   */
  Optional<QuotaUsage> quota();

  /** Requests per second the connection keeps under; 0 when unlimited. */
  double requestsPerSecond();

  /** Tells {@code listener} of every exchange, retry and quota warning from now on. */
  void addListener(ExchangeListener listener);

  /** Stops telling {@code listener}; nothing happens if it was not told. */
  void removeListener(ExchangeListener listener);
}
