package dev.apimoshell.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What a finished export wrote; prints as one line for the shell:
 *
 * <pre>users.csv: 40 rows, CSV, 5.2 kB in 0.12 s</pre>
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
        size(bytes),
        elapsed.toNanos() / 1e9);
  }

  /** SI units, as file managers show them: {@code 812 B}, {@code 5.2 kB}, {@code 13.0 MB}. */
  static String size(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 999.95 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
