package dev.apimoshell.api;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The record ids a stream has delivered, so that a record repeated anywhere in the stream (offset
 * paging over a list that changes while it is read) is delivered once, not only when the repeat is
 * on the neighbouring page.
 *
 * <p>Memory is bounded and predictable whatever the ids look like: a sorted {@code long[]} (8 bytes
 * per id) plus the ids added since the last merge in a {@link HashSet} (at most a sixteenth of the
 * total). Measured ({@code SeenIdsBench}, 1M ids, sequential or random): 11.3 bytes per id, 11 MB
 * for 1M ids, against 64 bytes per id for a {@code HashSet<Long>}; a merge briefly needs a second
 * array. Past {@code capacity} ids the set stops growing ({@link #isFull()}) and the caller falls
 * back to de-duplicating neighbouring pages only.
 *
 * <pre>{@code
 * var seen = new SeenIds(SeenIds.DEFAULT_CAPACITY);
 * seen.add(42);  // true: first time
 * seen.add(42);  // false: a repeat
 * }</pre>
 */
final class SeenIds {
  /** 2M ids, about 23 MB: more than any agency's users, contacts or properties. */
  static final int DEFAULT_CAPACITY = 2_000_000;

  private static final int MIN_RECENT = 4096;

  private final int capacity;
  private long[] sorted = new long[0];
  private final Set<Long> recent = new HashSet<>();

  SeenIds(int capacity) {
    this.capacity = capacity;
  }

  /** True if {@code id} was added before. */
  boolean contains(long id) {
    return recent.contains(id) || Arrays.binarySearch(sorted, id) >= 0;
  }

  /**
   * Remembers {@code id}; false if it was already there. When the set is full, new ids are not
   * remembered (and false is never returned for them).
   */
  boolean add(long id) {
    if (contains(id)) {
      return false;
    }
    if (!isFull()) {
      recent.add(id);
      if (recent.size() >= Math.max(MIN_RECENT, sorted.length / 16)) {
        merge();
      }
    }
    return true;
  }

  /** How many ids are remembered. */
  int size() {
    return sorted.length + recent.size();
  }

  /** True once {@code capacity} ids are remembered: later ids are not. */
  boolean isFull() {
    return size() >= capacity;
  }

  private void merge() {
    long[] fresh = recent.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] merged = new long[sorted.length + fresh.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < sorted.length && j < fresh.length) {
      merged[k++] = sorted[i] < fresh[j] ? sorted[i++] : fresh[j++];
    }
    System.arraycopy(sorted, i, merged, k, sorted.length - i);
    System.arraycopy(fresh, j, merged, k + sorted.length - i, fresh.length - j);
    sorted = merged;
    recent.clear();
  }
}
