package dev.apimoshell.http;

import java.time.Duration;

/**
 * A request about to be sent again: which one, why, after how long. The trace prints one line per
 * retry, so a request retried twice shows as three lines, not one.
 *
 * @param method {@code GET}
 * @param url the full URL
 * @param retry 1 for the first retry
 * @param maxRetries the configured most retries
 * @param reason what the previous attempt got, e.g. {@code HTTP 503} or {@code IOException: reset}
 * @param delay the pause before the retry, {@code limiterWait} included
 * @param limiterWait the part of {@code delay} spent waiting for a slot in the rate limit
 */
public record RetryWait(
    String method,
    String url,
    int retry,
    int maxRetries,
    String reason,
    Duration delay,
    Duration limiterWait) {

  public RetryWait(
      String method, String url, int retry, int maxRetries, String reason, Duration delay) {
    this(method, url, retry, maxRetries, reason, delay, Duration.ZERO);
  }

  /**
   * {@code retry 1 of 3 of GET https://... after HTTP 503, waiting 1000 ms}, and {@code (95 ms of
   * it for the rate limit)} when the budget added to the backoff.
   */
  @Override
  public String toString() {
    return "retry "
        + retry
        + " of "
        + maxRetries
        + " of "
        + method
        + " "
        + url
        + " after "
        + reason
        + ", waiting "
        + delay.toMillis()
        + " ms"
        + (limiterWait.toMillis() > 0
            ? " (" + limiterWait.toMillis() + " ms of it for the rate limit)"
            : "");
  }
}
