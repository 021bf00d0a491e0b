package dev.apimoshell.export;

import dev.apimoshell.http.ApimoException;

/**
 * An export that did not complete. The target file is as it was before; the message is one line a
 * person can act on:
 *
 * <pre>
 * Export to users.csv failed after 2000 rows; users.csv is unchanged. Cause: Connection reset. It stopped at .offset(2000)
 * </pre>
 *
 * The original failure is the {@linkplain #getCause() cause}; {@link #method()}, {@link #target()}
 * and {@link #status()} are its request's when it was one.
 *
 * <pre>{@code
 * try { q.export("users.csv"); }
 * catch (ExportException e) { if (e.offset() > 0) q.offset(e.offset()).export("rest.csv"); }
 * }</pre>
 */
public final class ExportException extends ApimoException {
  private final long rowsWritten;
  private final long offset;

  public ExportException(String message, long rowsWritten, Throwable cause) {
    this(message, rowsWritten, -1, cause);
  }

  /**
   * @param offset the server offset to resume from with {@code .offset(n)}, -1 when unknown
   */
  public ExportException(String message, long rowsWritten, long offset, Throwable cause) {
    super(
        message,
        cause instanceof ApimoException a ? a.method() : null,
        cause instanceof ApimoException a ? a.target() : null,
        cause instanceof ApimoException a ? a.status() : 0,
        cause instanceof ApimoException a ? a.bodyExcerpt() : "",
        cause);
    this.rowsWritten = rowsWritten;
    this.offset = offset;
  }

  /** The rows written to the discarded temporary file before the failure. */
  public long rowsWritten() {
    return rowsWritten;
  }

  /**
   * Where a query export stopped: {@code query.offset(offset())} fetches the rest; -1 when the rows
   * did not come from a query (a list, a stream) or the failure came before any request.
   */
  public long offset() {
    return offset;
  }
}
