package dev.apimoshell.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One page of a list endpoint: its records and {@code total_items}, the number of records matching
 * the request whatever its limit and offset (-1 when the server did not say).
 *
 * <p>Apimo may add {@code timestamp}, its time when it answered (UNIX seconds), and {@code
 * processing_time}: pass the timestamp back to {@code since(...)} to get only what changed after.
 *
 * <pre>{@code
 * var page = Apimo.agency(14).properties().page(1000);
 * // later: what changed since that answer
 * Apimo.agency(14).properties().since(page.serverTime().orElseThrow()).list();
 * }</pre>
 *
 * @param positions how many places of the server's list the page covered: its records, plus any
 *     {@code null} Apimo sent among them (skipped, but the next page starts after them)
 * @param timestamp the envelope's {@code timestamp} (UNIX seconds), null when not sent
 * @param processingTime the envelope's {@code processing_time}, null when not sent
 */
public record Page<T>(
    List<T> items, long totalItems, int positions, Long timestamp, BigDecimal processingTime) {
  public Page {
    items = List.copyOf(items);
  }

  public Page(List<T> items, long totalItems, int positions) {
    this(items, totalItems, positions, null, null);
  }

  public Page(List<T> items, long totalItems) {
    this(items, totalItems, items.size());
  }

  /**
   * The envelope's {@code timestamp} as an instant, for {@code since(...)}; empty when not sent.
   */
  public Optional<Instant> serverTime() {
    return Optional.ofNullable(timestamp).map(Instant::ofEpochSecond);
  }
}
