package dev.apimoshell.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimoshell.internal.json.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where records find the words for their codes ({@code user.groupLabel()}).
 *
 * <p>A record fetched by a client carries that client's {@link LabelSource}; a record read any
 * other way has none and reads its codes as they are. A code without a word reads as the code
 * itself ({@code "77"}), never {@code null}.
 */
public final class Labels {
  private Labels() {}

  /** An ordered field-to-catalog map, for {@link ApimoRecord#codeCatalogs()}. */
  static Map<String, String> columns(String... fieldThenCatalog) {
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < fieldThenCatalog.length; i += 2) {
      map.put(fieldThenCatalog[i], fieldThenCatalog[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * The word for {@code code} in {@code catalog} from {@code source} (none when null); the code
   * itself when there is no word; null for a null code.
   */
  public static String of(LabelSource source, String catalog, Integer code) {
    if (code == null) {
      return null;
    }
    String word;
    try {
      word = source == null ? null : source.label(catalog, code);
    } catch (RuntimeException e) {
      word = null; // a label never breaks a table
    }
    return word == null || word.isBlank() ? String.valueOf(code) : word;
  }

  /** The words for a list of codes, in order. */
  public static List<String> of(LabelSource source, String catalog, List<Integer> codes) {
    return codes.stream().map(code -> of(source, catalog, code)).toList();
  }

  /**
   * A copy of a record's JSON tree with a {@code <field>_label} after each code its {@link
   * ApimoRecord#codeCatalogs()} names ({@code floor.type} gets {@code floor.type_label}; a list of
   * codes gets a list of words; {@code areas[].type} labels each element).
   */
  public static ObjectNode addTo(ObjectNode tree, ApimoRecord record) {
    ObjectNode copy = tree.deepCopy();
    record
        .codeCatalogs()
        .forEach((path, catalog) -> label(copy, path.split("\\."), 0, catalog, record));
    return copy;
  }

  /** The word(s) for the code(s) at a dotted path of {@code record}'s JSON; null when absent. */
  static String at(ApimoRecord record, String path) {
    String catalog = record.codeCatalogs().get(path);
    if (catalog == null) {
      throw new IllegalArgumentException(
          "No catalog code at '" + path + "' (codes: " + record.codeCatalogs().keySet() + ")");
    }
    JsonNode node = Json.mapper().valueToTree(record);
    for (String step : path.split("\\.")) {
      node = node == null ? null : node.get(step);
    }
    JsonNode words =
        node == null || node.isNull() ? null : words(node, catalog, record.labelSource());
    if (words == null) {
      return null;
    }
    if (words.isArray()) {
      var text = new StringBuilder();
      words.forEach(w -> text.append(text.length() == 0 ? "" : ", ").append(w.asText()));
      return text.toString();
    }
    return words.asText();
  }

  private static void label(
      JsonNode node, String[] path, int step, String catalog, ApimoRecord record) {
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    String name = path[step];
    boolean each = name.endsWith("[]");
    if (each) {
      name = name.substring(0, name.length() - 2);
    }
    JsonNode value = object.get(name);
    if (value == null) {
      return;
    }
    if (each) {
      value.forEach(element -> label(element, path, step + 1, catalog, record));
    } else if (step < path.length - 1) {
      label(value, path, step + 1, catalog, record);
    } else {
      JsonNode words = words(value, catalog, record.labelSource());
      if (words != null) {
        insertAfter(object, name, name + "_label", words);
      }
    }
  }

  /** The word(s) for a code or a list of codes; null for a code Apimo sent as {@code null}. */
  private static JsonNode words(JsonNode value, String catalog, LabelSource source) {
    var factory = Json.mapper().getNodeFactory();
    if (value.isNull()) {
      return factory.nullNode();
    }
    if (value.isArray()) {
      ArrayNode words = factory.arrayNode();
      value.forEach(code -> words.add(word(code, catalog, source)));
      return words;
    }
    return value.isValueNode() ? factory.textNode(word(value, catalog, source)) : null;
  }

  private static String word(JsonNode code, String catalog, LabelSource source) {
    if (code.isNull()) {
      return null;
    }
    String text = code.asText();
    return text.matches("\\d{1,9}") ? of(source, catalog, Integer.valueOf(text)) : text;
  }

  private static void insertAfter(ObjectNode object, String field, String label, JsonNode words) {
    var fields = new LinkedHashMap<String, JsonNode>();
    object.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
    object.removeAll();
    fields.forEach(
        (name, value) -> {
          object.set(name, value);
          if (name.equals(field)) {
            object.set(label, words);
          }
        });
  }
}
