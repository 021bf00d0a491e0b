package dev.apimoshell.api;

/**
 * Told after each page a stream fetches, so a terminal can draw progress. {@code expected} is how
 * many records the stream will fetch in all, or -1 if unknown.
 */
@FunctionalInterface
public interface PageListener {
  void onPage(String path, long fetched, long expected);

  /**
   * Told once per stream when paging went on, or stopped, on a doubt the user should know of: a
   * page held more records than {@code total_items} said, or the set of seen ids is full. The shell
   * shows it in {@code /http}.
   *
   * <pre>{@code client.addPageListener(new PageListener() { ...onWarning(path, m) -> log(m) })}
   * </pre>
   */
  default void onWarning(String path, String message) {}
}
