package dev.apimoshell.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.apimoshell.internal.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leaves that differ between two versions of one record, key order ignored.
 *
 * <p>Objects are compared key by key ({@code price.value}); a key on one side only is a change from
 * or to absent. Lists whose elements all carry a distinct {@code id} on both sides (pictures,
 * areas, contract entries) are matched by that id ({@code pictures[id=7].url}), so a picture
 * inserted first does not shift every other one; a new order of the same ids is one change, {@code
 * pictures[order]}, from the old ids to the new. Other lists are compared by index ({@code
 * tags[2]}); a longer list adds {@code tags[3]}. A value whose type changed, or an element or
 * object that appeared, is one change holding its whole JSON.
 */
final class FieldDiff {

  /** One leaf that differs; values as JSON text, null when absent. */
  record Field(String path, String before, String after) {}

  private final List<Field> fields = new ArrayList<>();

  private FieldDiff() {}

  /** The leaves that differ between {@code before} and {@code after}, in {@code before}'s order. */
  static List<Field> between(JsonNode before, JsonNode after) {
    FieldDiff diff = new FieldDiff();
    diff.compare("", before, after, false);
    return diff.fields;
  }

  /** {@code node} as JSON text with every secret field, at any depth, {@link Change#HIDDEN}. */
  static String text(JsonNode node) {
    return node == null ? null : masked(node).toString();
  }

  private void compare(String path, JsonNode before, JsonNode after, boolean secret) {
    if (before != null && before.equals(after)) {
      return;
    }
    if (secret) {
      fields.add(new Field(path, hidden(before), hidden(after)));
    } else if (before instanceof ObjectNode a && after instanceof ObjectNode b) {
      objects(path, a, b);
    } else if (before instanceof ArrayNode a && after instanceof ArrayNode b) {
      arrays(path, a, b);
    } else {
      fields.add(new Field(path, text(before), text(after)));
    }
  }

  private void objects(String path, ObjectNode before, ObjectNode after) {
    for (Iterator<String> names = before.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      compare(child(path, name), before.get(name), after.get(name), Json.isSecret(name));
    }
    for (Iterator<String> names = after.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!before.has(name)) {
        compare(child(path, name), null, after.get(name), Json.isSecret(name));
      }
    }
  }

  private void arrays(String path, ArrayNode before, ArrayNode after) {
    Map<String, JsonNode> old = byId(before);
    Map<String, JsonNode> now = old == null ? null : byId(after);
    if (now == null) {
      for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
        compare(path + "[" + i + "]", before.get(i), after.get(i), false);
      }
      return;
    }
    old.forEach((id, element) -> compare(path + "[id=" + id + "]", element, now.get(id), false));
    now.forEach(
        (id, element) -> {
          if (!old.containsKey(id)) {
            compare(path + "[id=" + id + "]", null, element, false);
          }
        });
    List<String> oldOrder = new ArrayList<>(old.keySet());
    List<String> newOrder = new ArrayList<>(now.keySet());
    oldOrder.retainAll(now.keySet());
    newOrder.retainAll(old.keySet());
    if (!oldOrder.equals(newOrder)) {
      fields.add(new Field(path + "[order]", ids(before, oldOrder), ids(after, newOrder)));
    }
  }

  /** The elements by their id, in order; null unless every element has a distinct scalar id. */
  private static Map<String, JsonNode> byId(ArrayNode array) {
    Map<String, JsonNode> elements = new LinkedHashMap<>();
    for (JsonNode element : array) {
      String id = RecordIndex.id(element);
      if (id == null || elements.put(id, element) != null) {
        return null;
      }
    }
    return elements;
  }

  /** The ids of {@code kept}, as {@code array} has them, as a JSON list. */
  private static String ids(ArrayNode array, List<String> kept) {
    ArrayNode ids = array.arrayNode();
    Set<String> wanted = new HashSet<>(kept);
    for (JsonNode element : array) {
      if (wanted.contains(RecordIndex.id(element))) {
        ids.add(element.get("id"));
      }
    }
    return ids.toString();
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String hidden(JsonNode node) {
    return node == null ? null : Change.HIDDEN;
  }

  private static JsonNode masked(JsonNode node) {
    if (!hasSecret(node)) {
      return node;
    }
    JsonNode copy = node.deepCopy();
    mask(copy);
    return copy;
  }

  private static boolean hasSecret(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (Json.isSecret(field.getKey()) || hasSecret(field.getValue())) {
          return true;
        }
      }
      return false;
    }
    for (JsonNode element : node) {
      if (hasSecret(element)) {
        return true;
      }
    }
    return false;
  }

  private static void mask(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (Json.isSecret(field.getKey())) {
          field.setValue(TextNode.valueOf(Change.HIDDEN));
        } else {
          mask(field.getValue());
        }
      }
    } else {
      node.forEach(FieldDiff::mask);
    }
  }
}
