package dev.apimoshell.internal.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;

/**
 * Writes rows of one format to a stream it does not own: the {@link Exporter} opens and closes the
 * file, so that a failed export can throw the half-written file away.
 */
interface RowWriter {
  void write(Object row) throws IOException;

  /** Writes what ends the file (closing bracket, final newline) and flushes. */
  void finish() throws IOException;

  /** The chosen columns that no row written so far had. */
  Set<String> columnsInNoRow();

  /** Whether the file needs {@link #secondPass} once finished (a CSV header that grew). */
  default boolean needsSecondPass() {
    return false;
  }

  /** Writes the final file from the finished first pass. */
  default void secondPass(InputStream firstPass, OutputStream out) throws IOException {
    throw new UnsupportedOperationException("no second pass");
  }
}
