package dev.apimoshell.export;

import dev.apimoshell.internal.text.Sizes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What a finished export wrote; prints as one line for the shell:
 *
 * <pre>users.csv: 40 rows, CSV, 5.1 KiB in 0.12 s</pre>
 *
 * @param path the file written
 * @param format its format
 * @param rows the records written (not counting the CSV header)
 * @param bytes the file's size
 * @param elapsed from the first row asked to the file in place
 */
public record ExportSummary(
    Path path, ExportFormat format, long rows, long bytes, Duration elapsed) {

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %d %s, %s, %s in %.2f s",
        path.getFileName(),
        rows,
        rows == 1 ? "row" : "rows",
        format,
        Sizes.human(bytes),
        elapsed.toNanos() / 1e9);
  }
}
