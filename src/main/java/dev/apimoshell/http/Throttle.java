package dev.apimoshell.http;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection's request budget: request starts go out evenly spaced, one at a time in the order
 * they asked, whichever thread sends them; retries take their slot too. Parallel pages therefore
 * run at the limit and never past it, instead of learning about it from a 429.
 *
 * <p>The spacing is {@link #WINDOW} divided by the rate (105 ms at 10/s): a server counting any
 * one-second window, fixed or sliding, sees at most the rate even when a request reaches it up to
 * 50 ms later than the one sent ten slots after it. Each start is spaced from the previous actual
 * start, not from a schedule, so threads released late (a pause, a busy machine) never go out in a
 * burst.
 */
final class Throttle {
  /** How long {@code perSecond} starts take: one second and a 5 % margin for arrival jitter. */
  static final Duration WINDOW = Duration.ofMillis(1050);

  private final long intervalNanos;
  private final ReentrantLock queue = new ReentrantLock(true);
  private long next; // guarded by this

  Throttle(double perSecond) {
    this.intervalNanos = perSecond <= 0 ? 0 : (long) (WINDOW.toNanos() / perSecond);
    this.next = System.nanoTime();
  }

  /** When a request was let through, and how long it queued for that. */
  record Slot(long startNanos, long waitedNanos) {}

  /** The time between two starts; zero when the limiter is off. */
  Duration interval() {
    return Duration.ofNanos(intervalNanos);
  }

  /**
   * Waits for this request's turn (first come, first served); an interrupt cancels the wait.
   *
   * @return the start, taken when the turn came, and the time spent waiting for it
   */
  Slot acquire() {
    long arrived = System.nanoTime();
    if (intervalNanos == 0) {
      return new Slot(arrived, 0);
    }
    try {
      queue.lockInterruptibly();
      try {
        while (true) {
          long wait;
          synchronized (this) {
            long now = System.nanoTime();
            wait = next - now;
            if (wait <= 0) {
              next = now + intervalNanos;
              return new Slot(now, now - arrived);
            }
          }
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      } finally {
        queue.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Stopped while waiting for the request rate limit");
    }
  }

  /**
   * Books the slot of a retry due after {@code backoff} without blocking (retries are scheduled by
   * the HTTP client, not on the caller's thread).
   *
   * @return how much longer than {@code backoff} the retry must wait for its slot
   */
  Duration reserveAfter(Duration backoff) {
    if (intervalNanos == 0) {
      return Duration.ZERO;
    }
    synchronized (this) {
      long earliest = System.nanoTime() + backoff.toNanos();
      long slot = Math.max(earliest, next);
      next = slot + intervalNanos;
      return Duration.ofNanos(slot - earliest);
    }
  }
}
