package dev.apimoshell.internal.export;

import dev.apimoshell.internal.text.DisplayWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records as field/value cards that fit a terminal: what a single record prints as, and what a
 * table turns into when even its ids, phone numbers, emails and prices do not fit side by side.
 *
 * <pre>
 * field      value
 * ─────────  ───────────────────────────────────
 * id         4140000753
 * email
 *   jean-baptiste.lefevre-dupont@example.com
 * comment    Vendeur pressé (mutation), offre
 *            acceptée sous condition de prêt, …
 *            (.comment() for all)
 * </pre>
 *
 * <p>A value too long for its line: an id, a phone number, an email, a price or a date ({@link
 * ColumnKind#KEY}) goes whole on a line of its own (longer than a very narrow terminal if need be:
 * the terminal wraps it and copies it whole); other text wraps at spaces up to {@link #TEXT_LINES}
 * lines, then is cut with the call that shows it whole.
 */
public final class Cards {
  /** Lines a text value may take in a card before it is cut. */
  static final int TEXT_LINES = 3;

  private static final int MIN_VALUE = 12;

  private Cards() {}

  /**
   * One card: a {@code field value} header, a rule, then a line (or a few) per field.
   *
   * @param fields field name to flattened value, in order
   * @param width the terminal's columns, 0 or less for no limit
   */
  public static String render(Map<String, String> fields, int width) {
    var lines = new ArrayList<String>();
    int fieldWidth = fieldWidth(fields, width);
    int valueWidth = valueWidth(fields, fieldWidth, width);
    lines.add(pad("field", fieldWidth) + "  value");
    lines.add("─".repeat(fieldWidth) + "  " + "─".repeat(Math.max(5, valueWidth)));
    body(fields, fieldWidth, valueWidth, lines);
    return String.join("\n", lines);
  }

  /**
   * Several records, one card each, headed {@code ── 1 of 20 ──}: what a table prints as when its
   * key columns alone are wider than the terminal.
   */
  static List<String> renderAll(
      List<Map<String, String>> rows, List<String> columns, int width, int total) {
    var lines = new ArrayList<String>();
    int n = 0;
    for (Map<String, String> row : rows) {
      var fields = new java.util.LinkedHashMap<String, String>();
      columns.forEach(c -> fields.put(c, row.getOrDefault(c, "")));
      int fieldWidth = fieldWidth(fields, width);
      lines.add("── " + ++n + " of " + total + " ──");
      body(fields, fieldWidth, valueWidth(fields, fieldWidth, width), lines);
    }
    return lines;
  }

  private static void body(
      Map<String, String> fields, int fieldWidth, int valueWidth, List<String> lines) {
    String indent = " ".repeat(fieldWidth + 2);
    fields.forEach(
        (field, raw) -> {
          String value = Table.oneLine(raw == null ? "" : raw);
          boolean key = ColumnKind.keyName(field) || ColumnKind.keyValue(value);
          String name = Table.oneLine(field);
          if (DisplayWidth.of(name) > fieldWidth) {
            lines.add(name); // a long field name whole, its value on the next lines
            name = "";
          }
          if (key && DisplayWidth.of(value) > valueWidth) {
            // never split: on its own line, where a terminal too narrow wraps it and copies it
            // whole
            lines.add(pad(name, fieldWidth).stripTrailing());
            lines.add(
                DisplayWidth.of(value) + 2 <= fieldWidth + 2 + valueWidth ? "  " + value : value);
            return;
          }
          List<String> parts = wrap(value, valueWidth);
          if (!key && parts.size() > TEXT_LINES) {
            String hint = "… (" + ColumnKind.accessor(field) + " for all)";
            parts = new ArrayList<>(parts.subList(0, TEXT_LINES));
            String last = parts.get(TEXT_LINES - 1);
            if (DisplayWidth.of(last) + 1 + DisplayWidth.of(hint) <= valueWidth) {
              parts.set(TEXT_LINES - 1, last + " " + hint);
            } else {
              parts.set(TEXT_LINES - 1, Table.fit(last + "  ", valueWidth));
              parts.addAll(wrap("(" + ColumnKind.accessor(field) + " for all)", valueWidth));
            }
          }
          for (int i = 0; i < parts.size(); i++) {
            String head = i == 0 ? pad(name, fieldWidth) + "  " : indent;
            lines.add((head + parts.get(i)).stripTrailing());
          }
        });
  }

  private static int fieldWidth(Map<String, String> fields, int width) {
    int widest = 5;
    for (String field : fields.keySet()) {
      widest = Math.max(widest, DisplayWidth.of(field));
    }
    return width <= 0 ? widest : Math.min(widest, Math.max(8, width * 2 / 5));
  }

  private static int valueWidth(Map<String, String> fields, int fieldWidth, int width) {
    if (width <= 0) {
      int widest = 5;
      for (String value : fields.values()) {
        widest = Math.max(widest, DisplayWidth.of(Table.oneLine(value == null ? "" : value)));
      }
      return widest;
    }
    return Math.max(MIN_VALUE, width - fieldWidth - 2);
  }

  /** {@code text} in lines of at most {@code width} columns: at spaces, or mid-word if need be. */
  static List<String> wrap(String text, int width) {
    var lines = new ArrayList<String>();
    if (DisplayWidth.of(text) <= width) {
      lines.add(text);
      return lines;
    }
    var line = new StringBuilder();
    for (String word : text.split(" ", -1)) {
      int used = DisplayWidth.of(line.toString());
      int need = DisplayWidth.of(word);
      if (used > 0 && used + 1 + need <= width) {
        line.append(' ').append(word);
        continue;
      }
      if (used > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      while (DisplayWidth.of(word) > width) {
        int cut = cutAt(word, width);
        lines.add(word.substring(0, cut));
        word = word.substring(cut);
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** The index in {@code word} where its first {@code width} columns end. */
  private static int cutAt(String word, int width) {
    int used = 0;
    int i = 0;
    while (i < word.length()) {
      int cp = word.codePointAt(i);
      int w = DisplayWidth.of(cp);
      if (used + w > width && i > 0) {
        break;
      }
      used += w;
      i += Character.charCount(cp);
    }
    return i;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - DisplayWidth.of(text)));
  }
}
