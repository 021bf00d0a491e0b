package dev.apimoshell.sandbox;

import java.util.Map;

/**
 * Reads optional numeric filters from the query string; a malformed one is a 400, not a silent
 * miss.
 */
final class Filters {

  private Filters() {}

  static Integer integer(Map<String, String> query, String name) {
    Long value = longValue(query, name);
    return value == null
        ? null
        : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  static Long longValue(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw HttpError.badRequest(name + " must be an integer: " + value);
    }
  }
}
