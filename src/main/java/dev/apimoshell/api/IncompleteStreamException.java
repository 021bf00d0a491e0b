package dev.apimoshell.api;

import dev.apimoshell.http.ApimoException;

/**
 * A stream failed after some pages were delivered: the records before the failure were handed out,
 * and {@link #offset()} is where to resume with {@code .offset(n)} (the request that failed, and
 * its status, are the cause's).
 *
 * <pre>{@code
 * try { q.stream().forEach(save); }
 * catch (IncompleteStreamException e) { q.offset(e.offset()).stream().forEach(save); }
 * }</pre>
 */
public final class IncompleteStreamException extends ApimoException {
  private final long offset;
  private final long delivered;

  IncompleteStreamException(ApimoException cause, long offset, long delivered, String resume) {
    super(
        withoutFinalDot(cause.getMessage())
            + ". The stream stopped at offset "
            + offset
            + " after "
            + delivered
            + (delivered == 1 ? " record" : " records")
            + "; to fetch the rest, run the same query with "
            + resume
            + ".",
        cause.method(),
        cause.target(),
        cause.status(),
        cause.bodyExcerpt(),
        cause);
    this.offset = offset;
    this.delivered = delivered;
  }

  /** The server offset of the page that failed: {@code .offset(offset())} fetches the rest. */
  public long offset() {
    return offset;
  }

  /** How many records the stream delivered before it failed. */
  public long delivered() {
    return delivered;
  }

  private static String withoutFinalDot(String message) {
    String text = message == null ? "" : message.strip();
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
