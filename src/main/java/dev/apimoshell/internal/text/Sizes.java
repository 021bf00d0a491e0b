package dev.apimoshell.internal.text;

import java.util.Locale;

/**
 * Byte counts for people, in binary units as the JVM's {@code -Xmx} counts them: {@code 64 MiB},
 * {@code 1.5 KiB}, {@code 12 B}. Every size apimo-shell prints goes through here: export summaries,
 * the HTTP trace, body caps.
 *
 * <pre>{@code Sizes.human(5_200) // "5.1 KiB"}</pre>
 */
public final class Sizes {
  private Sizes() {}

  /** {@code 64 MiB (the per-page cap)}, saying so when the Java heap lowered it. */
  public static String cap(long maxBytes) {
    long heap = Runtime.getRuntime().maxMemory();
    return human(maxBytes)
        + (maxBytes >= heap / 4
            ? " (the per-page cap, a quarter of the " + human(heap) + " Java heap: see -Xmx)"
            : " (the per-page cap)");
  }

  /** {@code 812 B}, {@code 5.1 KiB}, {@code 64 MiB}: one decimal unless the value is whole. */
  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    // 1023.96 KiB would print as "1024.0 KiB": past 1023.95 the next unit reads better
    while ((unit < 0 ? value >= 1024 : value >= 1023.95) && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%d %s", (long) value, units[unit])
        : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
