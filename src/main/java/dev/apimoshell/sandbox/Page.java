package dev.apimoshell.sandbox;

import java.util.Map;

/**
 * The {@code limit} and {@code offset} of a list request. A limit above the endpoint's maximum is
 * clamped to it silently, and a missing limit means the maximum, as Apimo does: that is the "first
 * page only" trap clients must learn to page through.
 */
record Page(long offset, int limit) {

  static Page from(Map<String, String> query, int max) {
    long offset = number(query, "offset", 0);
    long limit = number(query, "limit", max);
    if (offset < 0 || limit < 0) {
      throw HttpError.badRequest("limit and offset must not be negative");
    }
    return new Page(offset, (int) Math.min(limit, max));
  }

  private static long number(Map<String, String> query, String name, long fallback) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw HttpError.badRequest(name + " must be an integer: " + value);
    }
  }
}
