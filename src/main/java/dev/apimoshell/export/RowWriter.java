package dev.apimoshell.export;

import java.io.IOException;

/**
 * Writes rows of one format to a stream it does not own: the {@link Exporter} opens and closes the
 * file, so that a failed export can throw the half-written file away.
 */
interface RowWriter {
  void write(Object row) throws IOException;

  /** Writes what ends the file (closing bracket, final newline) and flushes. */
  void finish() throws IOException;
}
