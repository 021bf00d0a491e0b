package dev.apimoshell.internal.export;

import dev.apimoshell.internal.text.ControlChars;
import dev.apimoshell.internal.text.DisplayWidth;
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
 * terminal. When the table is too wide, the widest columns are narrowed first, long cells ending in
 * {@code …}; when even that is not enough, the last columns are left out and a line names them.
 * Numeric columns are right-aligned.
 */
public final class Table {
  private static final String GAP = "  ";
  private static final int MIN_WIDTH = 8;
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private static volatile int terminalWidth = widthFromEnvironment();

  private Table() {}

  /** The width tables fit when none is given: the shell keeps it in step with the terminal. */
  public static int terminalWidth() {
    return terminalWidth;
  }

  public static void terminalWidth(int columns) {
    terminalWidth = columns > 0 ? columns : widthFromEnvironment();
  }

  private static int widthFromEnvironment() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").strip());
    } catch (NumberFormatException e) {
      return 120;
    }
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
    for (int c = 0; c < count; c++) {
      widths[c] = Math.min(widths[c], limit);
    }
    int kept = fitColumns(widths, wholeColumns(cells, shown, numeric), limit);
    List<String> dropped = shown.subList(kept, count);

    header(shown, kept, widths, numeric, lines::add);
    for (Map<String, String> row : cells) {
      lines.add(
          line(shown, kept, widths, numeric, column -> oneLine(row.getOrDefault(column, ""))));
    }
    if (!dropped.isEmpty()) {
      lines.add(
          fit(
              dropped.size()
                  + (dropped.size() == 1 ? " more column: " : " more columns: ")
                  + String.join(", ", dropped),
              limit));
    }
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
   * Columns never cut: numbers, and dates ({@code 2024-01-15} cut to {@code 2024-01-…} is lost).
   */
  private static boolean[] wholeColumns(
      List<Map<String, String>> cells, List<String> shown, boolean[] numeric) {
    boolean[] whole = numeric.clone();
    for (int c = 0; c < shown.size(); c++) {
      String column = shown.get(c);
      boolean any = false;
      boolean dates = true;
      for (Map<String, String> row : cells) {
        String cell = row.getOrDefault(column, "");
        if (!cell.isEmpty()) {
          any = true;
          dates &= DATE.matcher(cell).matches();
        }
      }
      whole[c] |= any && dates;
    }
    return whole;
  }

  /**
   * Narrows {@code widths} in place so the table fits {@code limit}: the widest text columns first,
   * none below {@link #MIN_WIDTH}, numbers and dates never (a cut id, price or date misleads; a cut
   * name does not). Returns how many columns fit at all.
   */
  private static int fitColumns(int[] widths, boolean[] whole, int limit) {
    int kept = widths.length;
    while (kept > 1 && minimumTotal(widths, whole, kept) > limit) {
      kept--;
    }
    int excess = total(widths, kept) - limit;
    while (excess > 0) {
      int widest = -1;
      for (int c = 0; c < kept; c++) {
        if (!whole[c] && widths[c] > MIN_WIDTH && (widest < 0 || widths[c] > widths[widest])) {
          widest = c;
        }
      }
      if (widest < 0) {
        widths[kept - 1] = Math.max(1, widths[kept - 1] - excess);
        break;
      }
      widths[widest]--;
      excess--;
    }
    return kept;
  }

  /**
   * The narrowest the first {@code kept} columns can be: numbers and dates whole, text down to
   * {@link #MIN_WIDTH}.
   */
  private static int minimumTotal(int[] widths, boolean[] whole, int kept) {
    int sum = GAP.length() * (kept - 1);
    for (int c = 0; c < kept; c++) {
      sum += whole[c] ? widths[c] : Math.min(widths[c], MIN_WIDTH);
    }
    return sum;
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

  private static String oneLine(String text) {
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
