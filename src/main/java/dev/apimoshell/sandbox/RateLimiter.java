package dev.apimoshell.sandbox;

/**
 * At most {@code limit} requests per wall-clock second (a fixed one-second window, like Apimo's "10
 * requests per second"); 0 means no limit.
 */
final class RateLimiter {

  private final int limit;
  private long window = -1;
  private int count;

  RateLimiter(int limit) {
    this.limit = limit;
  }

  synchronized boolean tryAcquire() {
    if (limit == 0) {
      return true;
    }
    long second = System.nanoTime() / 1_000_000_000L;
    if (second != window) {
      window = second;
      count = 0;
    }
    return ++count <= limit;
  }
}
