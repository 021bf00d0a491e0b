package dev.apimoshell.api;

import java.util.List;

/**
 * One page of a list endpoint: its records and {@code total_items}, the number of records matching
 * the request whatever its limit and offset (-1 when the server did not say).
 */
public record Page<T>(List<T> items, long totalItems) {
  public Page {
    items = List.copyOf(items);
  }
}
