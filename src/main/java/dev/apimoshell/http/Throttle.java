package dev.apimoshell.http;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Spaces request starts evenly so the client stays under Apimo's per-second quota instead of
 * learning about it from a 429.
 */
final class Throttle {
  private final long intervalNanos;
  private long nextStart;

  Throttle(double perSecond) {
    this.intervalNanos = perSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    this.nextStart = System.nanoTime();
  }

  /** Waits for this request's slot; an interrupt cancels the wait. */
  void acquire() {
    if (intervalNanos == 0) {
      return;
    }
    long slot;
    synchronized (this) {
      long now = System.nanoTime();
      slot = Math.max(now, nextStart);
      nextStart = slot + intervalNanos;
    }
    long wait = slot - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("Stopped while waiting for the request rate limit");
      }
    }
  }
}
