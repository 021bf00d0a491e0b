package dev.apimoshell.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * What every Apimo record has: an id, and the fields the server sent that this
 * version of the record does not know yet (kept, so nothing is lost on export).
 */
public interface ApimoRecord {
  long id();

  /** Fields the server sent that have no typed accessor, by their JSON name. */
  Map<String, Object> extra();

  /** The record as JSON, pretty, unknown fields included, {@code password} left out. */
  default String toJson() {
    ObjectNode tree = Json.mapper().valueToTree(this);
    tree.remove("password");
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
