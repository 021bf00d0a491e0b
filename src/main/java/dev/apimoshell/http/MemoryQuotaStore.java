package dev.apimoshell.http;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** {@link QuotaStore#inMemory()}: one count per key and day, in this process. */
final class MemoryQuotaStore implements QuotaStore {
  private record Count(LocalDate day, long used) {}

  private final Map<String, Count> counts = new HashMap<>();

  @Override
  public synchronized long add(String key, LocalDate day, long requests) {
    Count old = counts.get(key);
    long used = (old != null && old.day().equals(day) ? old.used() : 0) + requests;
    counts.put(key, new Count(day, used));
    return used;
  }

  @Override
  public String toString() {
    return "QuotaStore.inMemory()";
  }
}
