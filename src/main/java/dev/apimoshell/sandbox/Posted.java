package dev.apimoshell.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Records created through POST, kept in memory and listed after the generated ones. Small by nature
 * (a test posts a handful), so a plain list is enough.
 */
final class Posted {

  /** A created record and its creation time (UNIX seconds) for {@code timestamp} filters. */
  record Entry(int agency, long epoch, ObjectNode json) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();
  private final AtomicLong nextId;

  /**
   * @param firstId ids of created records start here, above any generated id
   */
  Posted(long firstId) {
    this.nextId = new AtomicLong(firstId);
  }

  long nextId() {
    return nextId.getAndIncrement();
  }

  void add(Entry entry) {
    entries.add(entry);
  }

  List<ObjectNode> matching(int agency, Predicate<Entry> filter) {
    return entries.stream()
        .filter(e -> e.agency() == agency && filter.test(e))
        .map(Entry::json)
        .toList();
  }
}
