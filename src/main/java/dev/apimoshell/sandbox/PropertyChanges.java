package dev.apimoshell.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The changes made to generated properties, by property id, in the order they were made. Most
 * properties have none, so serving them stays streaming; a changed one is rendered to a tree,
 * changed, and written.
 */
final class PropertyChanges {

  private final Map<Long, List<PropertyChange>> changes = new ConcurrentHashMap<>();

  void add(long propertyId, PropertyChange change) {
    changes.computeIfAbsent(propertyId, id -> new CopyOnWriteArrayList<>()).add(change);
  }

  boolean touched(long propertyId) {
    return changes.containsKey(propertyId);
  }

  /** What the filters see of a property once its changes are applied. */
  PropertyGenerator.Facts facts(long propertyId, PropertyGenerator.Facts generated) {
    List<PropertyChange> list = changes.get(propertyId);
    if (list == null) {
      return generated;
    }
    long updated = generated.stamps().updated();
    int step = generated.step();
    int status = generated.status();
    int category = generated.category();
    for (PropertyChange change : list) {
      updated = Math.max(updated, change.at());
      step = orElse(change.code("step"), step);
      status = orElse(change.code("status"), status);
      category = orElse(change.code("category"), category);
    }
    return new PropertyGenerator.Facts(
        new Stamps(generated.stamps().created(), updated), step, status, category);
  }

  void applyTo(long propertyId, ObjectNode record) {
    changes.getOrDefault(propertyId, List.of()).forEach(change -> change.applyTo(record));
  }

  private static int orElse(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
