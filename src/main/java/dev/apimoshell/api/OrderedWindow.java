package dev.apimoshell.api;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

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
 * window.cancelAll();                              // interrupts the rest, starts nothing new
 * }</pre>
 *
 * <p>Used by one reading thread; {@link #close()} may come from another (a stream closed while a
 * reader waits): the reader's {@link #take()} then fails with the cancellation.
 *
 * @param <K> what a task is about (an offset, a user), kept beside it
 * @param <R> a task's result
 */
final class OrderedWindow<K, R> implements AutoCloseable {
  private record Slot<K, R>(K key, Future<R> result) {}

  private final ExecutorService executor;
  private final Semaphore permits;
  private final ArrayDeque<Slot<K, R>> slots = new ArrayDeque<>();
  private int highWater;
  private boolean closed;

  OrderedWindow(ExecutorService executor, Semaphore permits) {
    this.executor = executor;
    this.permits = permits;
  }

  /** Starts {@code task} behind the others if a permit is free; false (nothing started) if not. */
  synchronized boolean trySubmit(K key, Callable<R> task) {
    if (closed || !permits.tryAcquire()) {
      return false;
    }
    try {
      slots.addLast(new Slot<>(key, executor.submit(task)));
    } catch (RuntimeException rejected) {
      permits.release();
      throw rejected;
    }
    highWater = Math.max(highWater, slots.size());
    return true;
  }

  synchronized boolean isEmpty() {
    return slots.isEmpty();
  }

  synchronized int size() {
    return slots.size();
  }

  /** The key of the oldest task, or null when the window is empty. */
  synchronized K headKey() {
    return slots.isEmpty() ? null : slots.peekFirst().key();
  }

  /** The most tasks this window held at once. */
  synchronized int highWater() {
    return highWater;
  }

  /**
   * Waits for the oldest task and removes it, freeing its permit.
   *
   * @throws ExecutionException with the task's failure
   * @throws InterruptedException when the caller is interrupted (the task keeps its place)
   */
  R take() throws ExecutionException, InterruptedException {
    Slot<K, R> head;
    synchronized (this) {
      head = slots.peekFirst();
    }
    if (head == null) {
      throw new IllegalStateException("take() on an empty window");
    }
    try {
      return head.result().get();
    } catch (CancellationException e) {
      throw new ExecutionException(e);
    } finally {
      synchronized (this) {
        if (head.result().isDone() && slots.peekFirst() == head) {
          slots.removeFirst();
          permits.release();
        }
      }
    }
  }

  /** Cancels (interrupts) every task not taken yet and frees their permits. */
  synchronized void cancelAll() {
    for (Slot<K, R> slot : slots) {
      slot.result().cancel(true);
      permits.release();
    }
    slots.clear();
  }

  /** Cancels what is left; nothing can be submitted afterwards. */
  @Override
  public synchronized void close() {
    closed = true;
    cancelAll();
  }
}
