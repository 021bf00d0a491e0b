package dev.apimoshell.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One field of a property set by {@link Sandbox#changeProperty}, at a moment: applied over the
 * record as served, it also moves {@code updated_at} to that moment.
 *
 * @param path a dotted path to an existing field, such as {@code price.value}
 * @param at when the change was made (UNIX seconds)
 */
record PropertyChange(String path, JsonNode value, long at) {

  static PropertyChange now(String path, JsonNode value) {
    return new PropertyChange(path, value, Instant.now().getEpochSecond());
  }

  /**
   * Sets the field in {@code record} (changed in place) and its {@code updated_at}.
   *
   * @throws IllegalArgumentException when the record has no such field
   */
  void applyTo(ObjectNode record) {
    String[] names = path.split("\\.");
    ObjectNode parent = record;
    for (int i = 0; i < names.length - 1; i++) {
      JsonNode child = parent.get(names[i]);
      if (child == null || !child.isObject()) {
        throw new IllegalArgumentException(
            "property "
                + record.path("id").asText()
                + " has no object "
                + names[i]
                + " ("
                + path
                + ")");
      }
      parent = (ObjectNode) child;
    }
    String last = names[names.length - 1];
    if (!parent.has(last)) {
      throw new IllegalArgumentException(
          "property " + record.path("id").asText() + " has no field " + path);
    }
    parent.set(last, value);
    record.put("updated_at", Dates.dateTime(at));
  }

  /** The new value when this change sets a top-level code the list filters read, else null. */
  Integer code(String field) {
    return path.equals(field) && value.canConvertToInt() ? value.asInt() : null;
  }
}
