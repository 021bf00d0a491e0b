package dev.apimoshell.export;

/**
 * An export that did not complete. The target file is as it was before; the message is one line a
 * person can act on:
 *
 * <pre>
 * Export to users.csv failed after 2000 rows; users.csv is unchanged. Cause: Connection reset. It stopped at .offset(2000)
 * </pre>
 *
 * The original failure is the {@linkplain #getCause() cause}.
 */
public final class ExportException extends RuntimeException {
  private final long rowsWritten;

  public ExportException(String message, long rowsWritten, Throwable cause) {
    super(message, cause);
    this.rowsWritten = rowsWritten;
  }

  /** The rows written to the discarded temporary file before the failure. */
  public long rowsWritten() {
    return rowsWritten;
  }
}
