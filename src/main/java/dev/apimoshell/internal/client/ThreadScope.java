package dev.apimoshell.internal.client;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * A value in force on a thread while an action runs, and on the threads that action starts: an
 * embedded shell session's client and streams follow a snippet into {@code new Thread(..)} and the
 * executors it creates. Fork-join workers (parallel streams, {@code CompletableFuture.supplyAsync})
 * are shared by the whole JVM, so a value they inherited by chance is ignored there.
 *
 * <pre>{@code
 * ThreadScope<ApimoClient> scoped = new ThreadScope<>();
 * scoped.call(client, () -> scoped.get()); // client, also on threads started inside
 * }</pre>
 */
public final class ThreadScope<T> {

  private record Held<T>(T value, boolean inherited) {}

  private final InheritableThreadLocal<Held<T>> held =
      new InheritableThreadLocal<>() {
        @Override
        protected Held<T> childValue(Held<T> parent) {
          return parent == null ? null : new Held<>(parent.value(), true);
        }
      };

  /** The value in force on this thread, or null. */
  public T get() {
    Held<T> h = held.get();
    if (h == null || (h.inherited() && Thread.currentThread() instanceof ForkJoinWorkerThread)) {
      return null;
    }
    return h.value();
  }

  /** Runs {@code action} with {@code value} in force, then restores what was (null: no change). */
  public <R> R call(T value, Callable<R> action) throws Exception {
    if (value == null) {
      return action.call();
    }
    Held<T> before = held.get();
    held.set(new Held<>(value, false));
    try {
      return action.call();
    } finally {
      if (before == null) {
        held.remove();
      } else {
        held.set(before);
      }
    }
  }
}
