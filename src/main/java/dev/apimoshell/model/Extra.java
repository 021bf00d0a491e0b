package dev.apimoshell.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Freezes a record's unknown fields; values may be null, so {@code Map.copyOf} will not do. */
final class Extra {
  private Extra() {}

  static Map<String, Object> freeze(Map<String, Object> extra) {
    return extra == null || extra.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }
}
