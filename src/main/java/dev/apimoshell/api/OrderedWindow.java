package dev.apimoshell.api;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks started in order and taken back in the same order, with a bounded number started and not
 * yet taken: the read-ahead of ordered parallel paging. Results wait in the window until the head
 * is taken, so memory holds at most as many results as there are permits.
 *
 * <p>The permits may be shared by several windows (every user's actions: the users' first pages and
 * the current user's pages draw from one budget).
 *
 * <pre>{@code
 * var window = new OrderedWindow<Long, Page<User>>(executor, new Semaphore(4));
 * window.trySubmit(offset, () -> fetch(offset));  // false when the 4 permits are taken
 * Page<User> head = window.take();                 // waits for the oldest task only
 * window.cancelAll();                              // interrupts the rest
 * }</pre>
 *
 * <p>Used by one reading thread; {@link #close()} may come from another (a stream closed while a
 * reader waits): from then on {@link #take()}, {@link #head()} and {@link #trySubmit} fail with a
 * {@link CancellationException}. A cancelled task keeps its permit until it has really stopped, so
 * never more tasks run than there are permits.
 *
 * @param <K> what a task is about (an offset, a user), kept beside it
 * @param <R> a task's result
 */
final class OrderedWindow<K, R> implements AutoCloseable {
  private final ExecutorService executor;
  private final Semaphore permits;
  private final ArrayDeque<Slot<K, R>> slots = new ArrayDeque<>();
  private int highWater;
  private volatile boolean closed;

  OrderedWindow(ExecutorService executor, Semaphore permits) {
    this.executor = executor;
    this.permits = permits;
  }

  /**
   * Starts {@code task} behind the others if a permit is free; false (nothing started) if not.
   *
   * @throws CancellationException once the window is closed
   */
  synchronized boolean trySubmit(K key, Callable<R> task) {
    checkOpen();
    if (!permits.tryAcquire()) {
      return false;
    }
    var slot = new Slot<K, R>(key, permits);
    try {
      slot.start(executor, task);
    } catch (RuntimeException rejected) {
      permits.release();
      throw rejected;
    }
    slots.addLast(slot);
    highWater = Math.max(highWater, slots.size());
    return true;
  }

  synchronized int size() {
    return slots.size();
  }

  /**
   * The key of the oldest task, or null when the window is empty: one call, so that a {@link
   * #close()} from another thread cannot come between "is there one" and "which".
   *
   * @throws CancellationException once the window is closed
   */
  synchronized K head() {
    checkOpen();
    return slots.isEmpty() ? null : slots.peekFirst().key;
  }

  /** The most tasks this window held at once. */
  synchronized int highWater() {
    return highWater;
  }

  /**
   * Waits for the oldest task and removes it, freeing its permit.
   *
   * @throws RuntimeException the task's own failure, as it threw it
   * @throws CancellationException once the window is closed, also while waiting
   * @throws InterruptedException when the caller is interrupted (the task keeps its place)
   */
  R take() throws InterruptedException {
    Slot<K, R> head;
    synchronized (this) {
      checkOpen();
      head = slots.peekFirst();
    }
    if (head == null) {
      throw new IllegalStateException("take() on an empty window");
    }
    try {
      return head.result.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      synchronized (this) {
        if (head.result.isDone() && slots.peekFirst() == head) {
          slots.removeFirst();
          head.drop();
        }
      }
    }
  }

  /** Cancels (interrupts) every task not taken yet; each frees its permit once it has stopped. */
  synchronized void cancelAll() {
    for (Slot<K, R> slot : slots) {
      slot.result.cancel(true);
      slot.drop();
    }
    slots.clear();
  }

  /** Cancels what is left; nothing can be submitted or taken afterwards. */
  @Override
  public synchronized void close() {
    closed = true;
    cancelAll();
  }

  private void checkOpen() {
    if (closed) {
      throw new CancellationException("closed");
    }
  }

  /**
   * A task and its permit. The permit goes back once the task is dropped (taken or cancelled) and
   * not running: by {@link #drop()} for a task done or never started, else by the task itself as it
   * ends, interrupted or not.
   */
  private static final class Slot<K, R> {
    private static final int WAITING = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int DROPPED_RUNNING = 3;
    private static final int FREED = 4;

    final K key;
    private final Semaphore permits;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    Future<R> result;

    Slot(K key, Semaphore permits) {
      this.key = key;
      this.permits = permits;
    }

    void start(ExecutorService executor, Callable<R> task) {
      result =
          executor.submit(
              () -> {
                if (!state.compareAndSet(WAITING, RUNNING)) {
                  throw new CancellationException(); // dropped before it started
                }
                try {
                  return task.call();
                } finally {
                  if (!state.compareAndSet(RUNNING, DONE)) {
                    free();
                  }
                }
              });
    }

    /** Nobody will take this task's result: frees the permit now, or when the task ends. */
    void drop() {
      while (true) {
        int now = state.get();
        if (now == RUNNING) {
          if (state.compareAndSet(RUNNING, DROPPED_RUNNING)) {
            return;
          }
        } else if (now == WAITING || now == DONE) {
          if (state.compareAndSet(now, FREED)) {
            permits.release();
            return;
          }
        } else {
          return;
        }
      }
    }

    private void free() {
      state.set(FREED);
      permits.release();
    }
  }
}
