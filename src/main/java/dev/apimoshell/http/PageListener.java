package dev.apimoshell.http;

import java.util.function.BiConsumer;

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
   * prints it, and {@code /http} shows it.
   */
  default void onWarning(String path, String message) {}

  /**
   * Told once before a long read starts, with what it will cost ({@code every user's actions of
   * agency 14: 40 users, at least 41 requests}), so a person can stop it before it runs.
   */
  default void onPlan(String path, String plan) {}

  /**
   * A listener for warnings only.
   *
   * <pre>{@code builder.pageListener(PageListener.warnings((path, m) -> log(path + ": " + m)))}
   * </pre>
   */
  static PageListener warnings(BiConsumer<String, String> onWarning) {
    return new PageListener() {
      @Override
      public void onPage(String path, long fetched, long expected) {}

      @Override
      public void onWarning(String path, String message) {
        onWarning.accept(path, message);
      }
    };
  }
}
