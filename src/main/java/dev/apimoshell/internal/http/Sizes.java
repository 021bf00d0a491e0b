package dev.apimoshell.internal.http;

import java.util.Locale;

/** Byte counts for people: {@code 64 MiB}, {@code 1.5 KiB}, {@code 12 B}. */
final class Sizes {
  private Sizes() {}

  /** {@code 64 MiB (the per-page cap)}, saying so when the Java heap lowered it. */
  static String cap(long maxBytes) {
    long heap = Runtime.getRuntime().maxMemory();
    return human(maxBytes)
        + (maxBytes >= heap / 4
            ? " (the per-page cap, a quarter of the " + human(heap) + " Java heap: see -Xmx)"
            : " (the per-page cap)");
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%d %s", (long) value, units[unit])
        : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
