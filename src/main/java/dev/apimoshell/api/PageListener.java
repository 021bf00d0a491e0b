package dev.apimoshell.api;

/**
 * Told after each page a stream fetches, so a terminal can draw progress. {@code expected} is how
 * many records the stream will fetch in all, or -1 if unknown.
 */
@FunctionalInterface
public interface PageListener {
  void onPage(String path, long fetched, long expected);
}
