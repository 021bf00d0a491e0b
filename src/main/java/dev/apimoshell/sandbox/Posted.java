package dev.apimoshell.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Records created through POST, kept in memory and listed after the generated ones. Bounded: past
 * {@code max} records the oldest is dropped (and counted), so a client posting without end cannot
 * grow the sandbox's memory without end.
 */
final class Posted {

  /** A created record and its creation time (UNIX seconds) for {@code timestamp} filters. */
  record Entry(int agency, long epoch, ObjectNode json) {}

  /** Posted records of one kind kept when {@link SandboxOptions} does not say. */
  static final int DEFAULT_MAX = SandboxOptions.DEFAULT_MAX_POSTED;

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final AtomicLong nextId;
  private final int max;
  private long dropped;

  /**
   * @param firstId ids of created records start here, above any generated id
   */
  Posted(long firstId) {
    this(firstId, DEFAULT_MAX);
  }

  /**
   * @param max most records kept; the oldest goes when one more comes
   */
  Posted(long firstId, int max) {
    this.nextId = new AtomicLong(firstId);
    this.max = max;
  }

  long nextId() {
    return nextId.getAndIncrement();
  }

  synchronized void add(Entry entry) {
    while (entries.size() >= max) {
      entries.removeFirst();
      dropped++;
    }
    entries.addLast(entry);
  }

  synchronized List<ObjectNode> matching(int agency, Predicate<Entry> filter) {
    return entries.stream()
        .filter(e -> e.agency() == agency && filter.test(e))
        .map(Entry::json)
        .toList();
  }

  int max() {
    return max;
  }

  /** Records kept now. */
  synchronized int size() {
    return entries.size();
  }

  /** Records dropped to stay within the bound, since the start. */
  synchronized long dropped() {
    return dropped;
  }
}
