package dev.apimoshell.http;

import dev.apimoshell.internal.text.Sizes;
import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP request and its response, as seen by support staff: what was asked, what came back, how
 * long it took. Credentials are never part of it.
 *
 * @param method {@code GET} or {@code POST}
 * @param url the full URL with its query string
 * @param status the HTTP status, or 0 when no response arrived
 * @param millis time from sending to the end of the body
 * @param bytes body size as received (after decompression)
 * @param body the response body (may be empty)
 * @param startNanos {@link System#nanoTime()} when the request went out, after the rate limiter let
 *     it through: compare two exchanges' starts, e.g. to see parallel pages overlap
 * @param limiterWait how long the request queued for the connection's rate limit before that
 */
public record Exchange(
    String method,
    String url,
    int status,
    long millis,
    long bytes,
    byte[] body,
    long startNanos,
    Duration limiterWait) {

  public Exchange {
    Objects.requireNonNull(limiterWait, "limiterWait");
  }

  /** An exchange with no start time and no wait, for listeners' tests. */
  public Exchange(String method, String url, int status, long millis, long bytes, byte[] body) {
    this(method, url, status, millis, bytes, body, 0, Duration.ZERO);
  }

  /** One line for a trace: {@code GET https://... 200 42 ms 1.2 KiB}. */
  @Override
  public String toString() {
    return method
        + " "
        + url
        + " "
        + (status == 0 ? "(no response)" : status)
        + " "
        + millis
        + " ms "
        + Sizes.human(bytes);
  }

  /** The body as text (Apimo speaks UTF-8). */
  public String bodyText() {
    return new String(body, java.nio.charset.StandardCharsets.UTF_8);
  }
}
