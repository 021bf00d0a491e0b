package dev.apimoshell.model;

import java.util.Collections;
import java.util.List;

/** Nested lists as records hold them: never null, not modifiable, null elements allowed. */
final class Lists {
  private Lists() {}

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }
}
