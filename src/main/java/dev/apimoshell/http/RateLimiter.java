package dev.apimoshell.http;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request budget, shareable by several clients: pass the same limiter to each builder and they
 * stay together under the rate (Apimo allows 10 requests per second per provider).
 *
 * <pre>{@code
 * var limiter = RateLimiter.perSecond(10);
 * var a = ApimoClient.builder().provider("1").token(t).rateLimiter(limiter).build();
 * var b = ApimoClient.builder().provider("1").token(t).rateLimiter(limiter).build();
 * }</pre>
 *
 * <p>Its budget: request starts go out evenly spaced, one at a time in the order they asked,
 * whichever thread sends them; retries take their slot too. Parallel pages therefore run at the
 * limit and never past it, instead of learning about it from a 429.
 *
 * <p>The spacing is {@link #WINDOW} divided by the rate (105 ms at 10/s): a server counting any
 * one-second window, fixed or sliding, sees at most the rate even when a request reaches it up to
 * 50 ms later than the one sent ten slots after it. Each start is spaced from the previous actual
 * start, not from a schedule, so threads released late (a pause, a busy machine) never go out in a
 * burst.
 *
 * <p>A request that opens a connection reaches the server later than one on an open connection (TCP
 * and TLS handshakes; about 100 ms on a busy machine even on loopback), so the request sent a
 * second's worth of slots after it could arrive less than a second after it. Such a request counts
 * as arriving up to {@link #NEW_CONNECTION} late: the one {@code perSecond} slots later waits for
 * that, which costs a burst of new connections that much once.
 */
public final class RateLimiter {
  /** How long {@code perSecond} starts take: one second and a 5 % margin for arrival jitter. */
  static final Duration WINDOW = Duration.ofMillis(1050);

  /** How much later than its slot a request on a new connection may reach the server. */
  public static final Duration NEW_CONNECTION = Duration.ofMillis(150);

  private final long intervalNanos;
  private final ReentrantLock queue = new ReentrantLock(true);
  // guarded by this: the earliest next start, and when each of the last `window` starts may
  // have reached the server at the latest (a ring, oldest at `head`)
  private long next;
  private final long[] arrivals;
  private int head;
  private final long windowNanos;
  private int inFlight;
  private int connections;

  private final double perSecond;

  /**
   * A limiter letting {@code perSecond} requests start per second; 0 turns it off.
   *
   * @throws IllegalArgumentException when {@code perSecond} is negative or not finite
   */
  public static RateLimiter perSecond(double perSecond) {
    if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException(
          "rateLimiter must be a number of requests per second >= 0, was " + perSecond);
    }
    return new RateLimiter(perSecond);
  }

  /** No limit at all: every request starts at once. */
  public static RateLimiter none() {
    return new RateLimiter(0);
  }

  /** Requests per second; 0 when off. */
  public double rate() {
    return perSecond;
  }

  @Override
  public String toString() {
    return perSecond == 0 ? "RateLimiter[off]" : "RateLimiter[" + perSecond + "/s]";
  }

  private RateLimiter(double perSecond) {
    this.perSecond = perSecond;
    this.intervalNanos = perSecond <= 0 ? 0 : (long) (WINDOW.toNanos() / perSecond);
    this.next = System.nanoTime();
    int window = perSecond < 1 ? 1 : (int) perSecond;
    this.arrivals = new long[window];
    Arrays.fill(arrivals, next - TimeUnit.DAYS.toNanos(1));
    this.windowNanos = perSecond <= 0 ? 0 : (long) (window * 1e9 / perSecond);
  }

  /** When a request was let through, and how long it queued for that. */
  public record Slot(long startNanos, long waitedNanos) {}

  /** The time between two starts; zero when the limiter is off. */
  public Duration interval() {
    return Duration.ofNanos(intervalNanos);
  }

  /**
   * Called by the engine before each request: waits for this request's turn (first come, first
   * served); an interrupt cancels the wait. Call {@link #finished()} when its response is in.
   *
   * @return the start, taken when the turn came, and the time spent waiting for it
   */
  public Slot acquire() {
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
            wait = due() - now;
            if (wait <= 0) {
              // More requests in flight than ever before: the HTTP client opens a connection.
              boolean newConnection = ++inFlight > connections;
              connections = Math.max(connections, inFlight);
              take(now, newConnection ? NEW_CONNECTION.toNanos() : 0);
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

  /** A request let through by {@link #acquire()} got its response (or failed). */
  /** Called by the engine: a request let through by {@link #acquire()} is over. */
  public synchronized void finished() {
    if (intervalNanos != 0 && inFlight > 0) {
      inFlight--;
    }
  }

  /**
   * Books the slot of a retry due after {@code backoff} without blocking (retries are scheduled by
   * the HTTP client, not on the caller's thread).
   *
   * @return how much longer than {@code backoff} the retry must wait for its slot
   */
  public Duration reserveAfter(Duration backoff) {
    if (intervalNanos == 0) {
      return Duration.ZERO;
    }
    synchronized (this) {
      long earliest = System.nanoTime() + backoff.toNanos();
      long slot = Math.max(earliest, due());
      take(slot, 0);
      return Duration.ofNanos(slot - earliest);
    }
  }

  /** The earliest start: one interval after the last, one window after the arrival it replaces. */
  private long due() {
    return Math.max(next, arrivals[head] + windowNanos);
  }

  private void take(long start, long lateBy) {
    next = start + intervalNanos;
    arrivals[head] = start + lateBy;
    head = (head + 1) % arrivals.length;
  }
}
