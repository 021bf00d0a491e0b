package dev.apimoshell.internal.export;

import dev.apimoshell.internal.text.ControlChars;
import dev.apimoshell.internal.text.DisplayWidth;
import dev.apimoshell.internal.text.TerminalWidth;
import dev.apimoshell.internal.text.Text;
import dev.apimoshell.model.ApimoRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Rows as an aligned plain-text table that fits the terminal: the one renderer the shell and {@code
 * query.show()} print with.
 *
 * <pre>
 * id  lastname  email                     active
 * ──  ────────  ────────────────────────  ──────
 *  9  WYLER     NO-SPAM@swissmedimmo.com  true
 * 12  DUPONT                              false
 * … 35 more of 40
 * </pre>
 *
 * <p>Cells are the {@link Flattener}'s, one line each: a line break in a cell shows as {@code ⏎},
 * other control characters as {@link ControlChars} shows them. Widths are display widths (a CJK
 * character or an emoji takes two columns, a combining accent none), so columns align on a
 * terminal. When the table is too wide, the widest text columns are narrowed first, long cells
 * ending in {@code …} and a line saying how to see them whole; when even that is not enough, other
 * columns are left out (names last) and a line names them and how to show them. Ids, references,
 * phone numbers, emails, prices and dates ({@link ColumnKind#KEY}) are never cut nor left out: when
 * they alone do not fit, each row prints as a card ({@link Cards}). Numeric columns are
 * right-aligned.
 */
public final class Table {
  private static final String GAP = "  ";
  private static final int MIN_WIDTH = 8;
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private Table() {}

  /**
   * The width tables fit when none is given ({@link TerminalWidth}): the shell keeps it in step
   * with the terminal; 0 when output is never cut.
   */
  public static int terminalWidth() {
    return TerminalWidth.get();
  }

  /**
   * Sets {@link TerminalWidth} to a terminal's columns; 0 or less goes back to {@code $COLUMNS}
   * (output never cut is {@code TerminalWidth.set(0)}).
   */
  public static void terminalWidth(int columns) {
    TerminalWidth.set(columns > 0 ? columns : TerminalWidth.fromEnvironment());
  }

  /**
   * @param rows records, maps or plain values
   * @param columns the columns to show in this order; empty for the record's {@link
   *     ApimoRecord#tableColumns()}, or else every column any row has
   * @param width the terminal's width in characters; 0 or less for no limit
   * @return the lines of the table joined by {@code \n}, no final newline
   */
  public static String render(List<?> rows, List<String> columns, int width) {
    return render(rows, columns, width, null);
  }

  /**
   * As {@link #render(List, List, int)}, followed by {@code note} (such as {@code … 35 more of 40})
   * when not null.
   */
  public static String render(List<?> rows, List<String> columns, int width, String note) {
    int limit = width <= 0 ? Integer.MAX_VALUE : width;
    List<String> chosen = !columns.isEmpty() ? columns : recordColumns(rows);
    boolean labels = Flattener.wantsLabels(chosen);
    List<Map<String, String>> cells = new ArrayList<>(rows.size());
    for (Object row : rows) {
      cells.add(Flattener.flatten(row, labels));
    }
    List<String> shown = chosen.isEmpty() ? allColumns(cells) : new ArrayList<>(chosen);
    var lines = new ArrayList<String>();
    if (shown.isEmpty()) {
      lines.add(rows.isEmpty() ? "(no rows)" : "(" + rows.size() + " empty rows)");
    } else {
      layOut(cells, shown, limit, lines);
    }
    if (note != null) {
      lines.add(fit(oneLine(note), limit));
    }
    return String.join("\n", lines);
  }

  private static void layOut(
      List<Map<String, String>> cells, List<String> shown, int limit, List<String> lines) {
    int count = shown.size();
    int[] widths = new int[count];
    boolean[] numeric = new boolean[count];
    measure(cells, shown, widths, numeric);
    ColumnKind[] kinds = new ColumnKind[count];
    for (int c = 0; c < count; c++) {
      kinds[c] = numeric[c] ? ColumnKind.WHOLE : ColumnKind.of(shown.get(c), cells);
      if (numeric[c] && ColumnKind.keyName(shown.get(c))) {
        kinds[c] = ColumnKind.KEY;
      }
    }
    boolean[] keep = new boolean[count];
    java.util.Arrays.fill(keep, true);
    List<String> under = new ArrayList<>();
    while (keyTotal(widths, kinds, keep) > limit) {
      int widest = widestKey(widths, kinds, keep);
      if (widest < 0) {
        break;
      }
      keep[widest] = false;
      under.add(shown.get(widest));
    }
    while (minimumTotal(widths, kinds, keep) > limit) {
      int drop = nextToDrop(shown, kinds, keep, cells);
      if (drop < 0) {
        lines.addAll(Cards.renderAll(cells, shown, limit, cells.size()));
        lines.add(
            wrapNote(
                "(one card per row: the ids, phone numbers, emails, prices and dates do not fit"
                    + " side by side in "
                    + limit
                    + " columns)",
                limit));
        return;
      }
      keep[drop] = false;
    }
    List<String> dropped = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    var keptWidths = new ArrayList<Integer>();
    var keptNumeric = new ArrayList<Boolean>();
    var keptKinds = new ArrayList<ColumnKind>();
    for (int c = 0; c < count; c++) {
      if (keep[c]) {
        kept.add(shown.get(c));
        keptWidths.add(widths[c]);
        keptNumeric.add(numeric[c]);
        keptKinds.add(kinds[c]);
      } else if (!under.contains(shown.get(c))) {
        dropped.add(shown.get(c));
      }
    }
    int[] w = keptWidths.stream().mapToInt(Integer::intValue).toArray();
    boolean[] n = new boolean[w.length];
    boolean[] whole = new boolean[w.length];
    for (int c = 0; c < w.length; c++) {
      n[c] = keptNumeric.get(c);
      whole[c] = keptKinds.get(c) != ColumnKind.TEXT;
    }
    int[] full = w.clone();
    narrow(w, whole, limit);

    header(kept, kept.size(), w, n, lines::add);
    for (Map<String, String> row : cells) {
      lines.add(line(kept, kept.size(), w, n, column -> oneLine(row.getOrDefault(column, ""))));
      for (String column : under) {
        String value = oneLine(row.getOrDefault(column, ""));
        if (!value.isEmpty()) {
          lines.add(underLine(column, value, limit));
        }
      }
    }
    List<String> cut = new ArrayList<>();
    for (int c = 0; c < w.length; c++) {
      if (w[c] < full[c]) {
        cut.add(kept.get(c));
      }
    }
    if (!cut.isEmpty()) {
      lines.add(wrapNote(cutNote(cut), limit));
    }
    if (!dropped.isEmpty()) {
      lines.add(
          wrapNote(
              "not shown in "
                  + limit
                  + " columns: "
                  + String.join(", ", dropped)
                  + " (choose columns: show(\""
                  + kept.get(0)
                  + "\", \""
                  + dropped.get(0)
                  + "\"), or print one row as a card)",
              limit));
    }
  }

  /**
   * A key value too wide to sit beside the others, on the line under its row: {@code " email:
   * jean@example.com"}, or the value alone when even that is too wide (the terminal wraps it, and
   * copies it whole).
   */
  private static String underLine(String column, String value, int limit) {
    String labelled = "    " + column + ": " + value;
    if (displayWidth(labelled) <= limit) {
      return labelled;
    }
    return displayWidth(value) + 4 <= limit ? "    " + value : value;
  }

  /** The width the key columns still in the table take side by side. */
  private static int keyTotal(int[] widths, ColumnKind[] kinds, boolean[] keep) {
    int sum = 0;
    int n = 0;
    for (int c = 0; c < widths.length; c++) {
      if (keep[c] && kinds[c] == ColumnKind.KEY) {
        sum += widths[c];
        n++;
      }
    }
    return sum + GAP.length() * Math.max(0, n - 1);
  }

  /** The widest key column but the first one (the row's id stays in the table), or -1. */
  private static int widestKey(int[] widths, ColumnKind[] kinds, boolean[] keep) {
    int widest = -1;
    for (int c = 1; c < widths.length; c++) {
      if (keep[c] && kinds[c] == ColumnKind.KEY && (widest < 0 || widths[c] > widths[widest])) {
        widest = c;
      }
    }
    return widest;
  }

  /** What the {@code …} in cut cells means, and how to see a whole value. */
  private static String cutNote(List<String> cut) {
    List<String> calls = new ArrayList<>();
    for (String column : cut) {
      if (!column.endsWith("_label")) {
        calls.add(ColumnKind.accessor(column));
      }
    }
    return "… = cut; whole: "
        + (calls.isEmpty() ? "" : "row" + String.join(", row", calls) + ", or ")
        + "print one row as a card";
  }

  /**
   * The column to leave out next, or -1 when only key columns are left: one holding the same value
   * on every row first, then the rightmost other column, names ({@code lastname}, {@code
   * city.name}) last.
   */
  private static int nextToDrop(
      List<String> shown, ColumnKind[] kinds, boolean[] keep, List<Map<String, String>> cells) {
    for (int c = shown.size() - 1; c >= 0; c--) {
      if (keep[c]
          && kinds[c] != ColumnKind.KEY
          && keptCount(keep) > 1
          && same(cells, shown.get(c))) {
        return c; // the same value on every row says least
      }
    }
    for (boolean names : new boolean[] {false, true}) {
      for (int c = shown.size() - 1; c >= 0; c--) {
        if (keep[c]
            && kinds[c] != ColumnKind.KEY
            && shown.get(c).endsWith("name") == names
            && keptCount(keep) > 1) {
          return c;
        }
      }
    }
    return -1;
  }

  /** Whether every one of two rows or more holds the same value in {@code column}. */
  private static boolean same(List<Map<String, String>> cells, String column) {
    if (cells.size() < 2) {
      return false;
    }
    String first = cells.get(0).getOrDefault(column, "");
    return cells.stream().allMatch(row -> row.getOrDefault(column, "").equals(first));
  }

  private static int keptCount(boolean[] keep) {
    int n = 0;
    for (boolean k : keep) {
      n += k ? 1 : 0;
    }
    return n;
  }

  /** A note under a table, wrapped rather than cut: it says how to see the rest. */
  private static String wrapNote(String note, int limit) {
    return limit == Integer.MAX_VALUE ? note : Text.wrap(note, Math.max(20, limit), "", "  ");
  }

  /**
   * Every row, at full width, line by line to {@code out}, holding only the first {@code sample}
   * rows at a time: for output that is not a terminal, where nothing is cut. Column widths come
   * from the sample; a longer cell later widens its own line only.
   *
   * <pre>{@code Table.renderAll(query.stream().iterator(), List.of(), 1000, System.out::println)}
   * </pre>
   *
   * @return how many rows were written
   */
  public static long renderAll(
      Iterator<?> rows, List<String> columns, int sample, Consumer<String> out) {
    List<Object> first = new ArrayList<>();
    while (first.size() < sample && rows.hasNext()) {
      first.add(rows.next());
    }
    List<String> chosen = !columns.isEmpty() ? columns : recordColumns(first);
    boolean labels = Flattener.wantsLabels(chosen);
    List<Map<String, String>> cells = new ArrayList<>(first.size());
    for (Object row : first) {
      cells.add(Flattener.flatten(row, labels));
    }
    List<String> shown = chosen.isEmpty() ? allColumns(cells) : new ArrayList<>(chosen);
    if (shown.isEmpty()) {
      out.accept(first.isEmpty() ? "(no rows)" : "(" + first.size() + " empty rows)");
      return first.size();
    }
    int[] widths = new int[shown.size()];
    boolean[] numeric = new boolean[shown.size()];
    measure(cells, shown, widths, numeric);
    header(shown, shown.size(), widths, numeric, out);
    long written = 0;
    for (Map<String, String> row : cells) {
      out.accept(fullLine(shown, widths, numeric, row));
      written++;
    }
    cells.clear();
    first.clear();
    while (rows.hasNext()) {
      out.accept(fullLine(shown, widths, numeric, Flattener.flatten(rows.next(), labels)));
      written++;
    }
    return written;
  }

  private static void measure(
      List<Map<String, String>> cells, List<String> shown, int[] widths, boolean[] numeric) {
    for (int c = 0; c < shown.size(); c++) {
      String column = shown.get(c);
      widths[c] = displayWidth(column);
      numeric[c] = true;
      boolean any = false;
      for (Map<String, String> row : cells) {
        String cell = oneLine(row.getOrDefault(column, ""));
        widths[c] = Math.max(widths[c], displayWidth(cell));
        if (!cell.isEmpty()) {
          any = true;
          numeric[c] &= NUMBER.matcher(cell).matches();
        }
      }
      numeric[c] &= any;
    }
  }

  private static void header(
      List<String> shown, int kept, int[] widths, boolean[] numeric, Consumer<String> out) {
    out.accept(line(shown, kept, widths, numeric, column -> oneLine(column)));
    var rule = new StringBuilder();
    for (int c = 0; c < kept; c++) {
      rule.append(c > 0 ? GAP : "").append("─".repeat(widths[c]));
    }
    out.accept(rule.toString());
  }

  private static String fullLine(
      List<String> shown, int[] widths, boolean[] numeric, Map<String, String> row) {
    var line = new StringBuilder();
    for (int c = 0; c < shown.size(); c++) {
      if (c > 0) {
        line.append(GAP);
      }
      String cell = oneLine(row.getOrDefault(shown.get(c), ""));
      String padding = " ".repeat(Math.max(0, widths[c] - displayWidth(cell)));
      line.append(numeric[c] ? padding + cell : cell + padding);
    }
    return line.toString().stripTrailing();
  }

  /**
   * Narrows {@code widths} in place so the table fits {@code limit}: the widest text columns first,
   * none below {@link #MIN_WIDTH}; key columns and numbers never (a cut id, phone number, price or
   * date misleads; a cut name does not).
   */
  private static void narrow(int[] widths, boolean[] whole, int limit) {
    int excess = total(widths, widths.length) - limit;
    while (excess > 0) {
      int widest = -1;
      for (int c = 0; c < widths.length; c++) {
        if (!whole[c] && widths[c] > MIN_WIDTH && (widest < 0 || widths[c] > widths[widest])) {
          widest = c;
        }
      }
      if (widest < 0) {
        return;
      }
      widths[widest]--;
      excess--;
    }
  }

  /** The narrowest the kept columns can be: key columns and numbers whole, text down to 8. */
  private static int minimumTotal(int[] widths, ColumnKind[] kinds, boolean[] keep) {
    int sum = 0;
    int n = 0;
    for (int c = 0; c < widths.length; c++) {
      if (keep[c]) {
        sum += kinds[c] == ColumnKind.TEXT ? Math.min(widths[c], MIN_WIDTH) : widths[c];
        n++;
      }
    }
    return sum + GAP.length() * Math.max(0, n - 1);
  }

  private static int total(int[] widths, int kept) {
    int sum = GAP.length() * (kept - 1);
    for (int c = 0; c < kept; c++) {
      sum += widths[c];
    }
    return sum;
  }

  private static String line(
      List<String> shown, int kept, int[] widths, boolean[] numeric, UnaryOperator<String> text) {
    var line = new StringBuilder();
    for (int c = 0; c < kept; c++) {
      if (c > 0) {
        line.append(GAP);
      }
      String cell = fit(text.apply(shown.get(c)), widths[c]);
      String padding = " ".repeat(Math.max(0, widths[c] - displayWidth(cell)));
      line.append(numeric[c] ? padding + cell : cell + padding);
    }
    return line.toString().stripTrailing();
  }

  /** The line under a preview: {@code … 35 more of 40}, or null when nothing more is there. */
  public static String moreNote(int shown, long total) {
    return total > shown ? "… " + (total - shown) + " more of " + total : null;
  }

  /** A record's own choice of columns ({@link ApimoRecord#tableColumns()}), or none. */
  private static List<String> recordColumns(List<?> rows) {
    if (!rows.isEmpty() && rows.get(0) instanceof ApimoRecord record) {
      return record.tableColumns();
    }
    return List.of();
  }

  private static List<String> allColumns(List<Map<String, String>> cells) {
    var columns = new LinkedHashSet<String>();
    cells.forEach(row -> columns.addAll(row.keySet()));
    return new ArrayList<>(columns);
  }

  /**
   * {@code text} cut to {@code width} terminal columns, ending in {@code …} when cut: {@code
   * fit("Lefèvre-Dupont", 8)} is {@code "Lefèvre…"}.
   */
  public static String fit(String text, int width) {
    if (displayWidth(text) <= width) {
      return text;
    }
    if (width <= 1) {
      return width == 1 ? "…" : "";
    }
    var cut = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int w = DisplayWidth.of(cp);
      if (used + w > width - 1) {
        break;
      }
      cut.appendCodePoint(cp);
      used += w;
      i += Character.charCount(cp);
    }
    return cut.append('…').toString();
  }

  static String oneLine(String text) {
    return ControlChars.visible(
        text.replace("\r\n", "⏎").replace('\n', '⏎').replace('\r', '⏎').replace('\t', ' '));
  }

  /**
   * The columns {@code text} takes on a terminal: two for a CJK character or most emoji, none for a
   * combining accent ({@code "e\u0301"} is one column).
   */
  public static int displayWidth(String text) {
    return DisplayWidth.of(text);
  }
}
