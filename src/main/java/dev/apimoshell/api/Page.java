package dev.apimoshell.api;

import java.util.List;

/**
 * One page of a list endpoint: its records and {@code total_items}, the number of records matching
 * the request whatever its limit and offset (-1 when the server did not say).
 *
 * @param positions how many places of the server's list the page covered: its records, plus any
 *     {@code null} Apimo sent among them (skipped, but the next page starts after them)
 */
public record Page<T>(List<T> items, long totalItems, int positions) {
  public Page {
    items = List.copyOf(items);
  }

  public Page(List<T> items, long totalItems) {
    this(items, totalItems, items.size());
  }
}
