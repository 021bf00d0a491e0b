package dev.apimoshell.shell.print;

import dev.apimoshell.api.Query;
import dev.apimoshell.internal.export.Table;
import dev.apimoshell.internal.text.ControlChars;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.BaseStream;

/**
 * A value in one short line, for {@code /vars} and the value column of a printed map: {@code (500
 * rows)} for a list of records, {@code 3 entries} for a map, the first line of anything else, cut
 * to fit. Never runs a query or a stream.
 */
public final class Summary {

  private Summary() {}

  /**
   * @param max the display columns the line may take
   */
  public static String of(Object value, int max) {
    return Table.fit(ControlChars.visible(firstLine(raw(value, max))), Math.max(max, 1));
  }

  private static String raw(Object value, int max) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value instanceof Collection<?> c) {
      if (!c.isEmpty() && ValueRenderer.allRows(c)) {
        return "(" + count(c.size()) + (c.size() == 1 ? " row)" : " rows)");
      }
      String text = String.valueOf(c);
      return text.length() <= max ? text : "(" + count(c.size()) + " elements) " + text;
    }
    if (value.getClass().isArray()) {
      int length = Array.getLength(value);
      var elements = new ArrayList<Object>();
      for (int i = 0; i < Math.min(length, max); i++) {
        elements.add(Array.get(value, i));
      }
      String text = String.valueOf(elements);
      return length <= max && text.length() <= max
          ? text
          : "(" + count(length) + " elements) " + text;
    }
    if (value instanceof Map<?, ?> m) {
      return "(" + count(m.size()) + (m.size() == 1 ? " entry)" : " entries)");
    }
    if (value instanceof Optional<?> o) {
      return o.map(inner -> "Optional[" + raw(inner, max) + "]").orElse("Optional.empty");
    }
    if (value instanceof BaseStream<?, ?>) {
      return "a Stream, not run yet";
    }
    if (value instanceof Query<?> q) {
      return q.toString();
    }
    return String.valueOf(value);
  }

  /** {@code 4980} as {@code 4,980}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl) + " …";
  }
}
