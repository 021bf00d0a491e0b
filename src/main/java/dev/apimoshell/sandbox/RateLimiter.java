package dev.apimoshell.sandbox;

/**
 * At most {@code limit} accepted requests in any one-second span (a sliding window): the strictest
 * reading of Apimo's "10 requests per second", so a client that passes here passes a fixed
 * per-second window too. 0 means no limit.
 */
final class RateLimiter {
  private static final long WINDOW_NANOS = 1_000_000_000L;

  private final int limit;
  private final long[] accepted;
  private int oldest;
  private int count;

  RateLimiter(int limit) {
    this.limit = limit;
    this.accepted = new long[limit];
  }

  /** Whether a request arriving now may go on; a refused one does not count. */
  synchronized boolean tryAcquire() {
    if (limit == 0) {
      return true;
    }
    long now = System.nanoTime();
    if (count == limit && now - accepted[oldest] < WINDOW_NANOS) {
      return false;
    }
    if (count == limit) {
      oldest = (oldest + 1) % limit;
    } else {
      count++;
    }
    accepted[(oldest + count - 1) % limit] = now;
    return true;
  }
}
