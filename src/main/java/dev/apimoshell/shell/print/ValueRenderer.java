package dev.apimoshell.shell.print;

import dev.apimoshell.api.Query;
import dev.apimoshell.internal.export.Cards;
import dev.apimoshell.internal.export.Flattener;
import dev.apimoshell.internal.export.Table;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.internal.text.ControlChars;
import dev.apimoshell.internal.text.Text;
import dev.apimoshell.model.ApimoRecord;
import dev.apimoshell.model.Page;
import dev.apimoshell.snapshot.SnapshotDiff;
import java.lang.reflect.Array;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.BaseStream;
import java.util.stream.Stream;

/**
 * The one place that decides how a value looks, line by line: a {@code String} as its text, an
 * {@code Optional} unwrapped, a record as a field/value card, records, maps and queries as tables,
 * a {@code Map} as key/value columns, a {@code Stream} as a hint (never run), anything else as its
 * {@code toString}. Everything passes {@link ControlChars}. How much is shown is the {@link
 * PrintPolicy}'s: on a terminal the first rows and "… N more"; elsewhere every row, streamed.
 *
 * <pre>
 * {@code ValueRenderer.render(users, null, PrintPolicy.terminal(20, 100), System.out::println)}
 * </pre>
 */
public final class ValueRenderer {

  /** What a Stream prints instead of running. */
  public static final String STREAM_HINT =
      "a Stream runs when ended: add .toList(), .count() or .forEach(...)";

  /** An empty Optional, in words for readers who do not know the type. */
  public static final String EMPTY_OPTIONAL = "Optional.empty (nothing found)";

  /** Rows held at once to measure a table streamed in full. */
  private static final int SAMPLE_ROWS = 1000;

  private ValueRenderer() {}

  /**
   * Writes {@code value} to {@code out}, one line per call, no final newline. A failure to render
   * (a query whose first page fails) is thrown, for the caller to report as an error.
   *
   * @param text JShell's own rendering, the fallback for values with no better form; may be null
   */
  public static void render(Object value, String text, PrintPolicy policy, Consumer<String> out) {
    if (value == null) {
      text(text == null ? "null" : text, policy, out);
    } else if (value instanceof String s) {
      text(s.isEmpty() ? "\"\"" : s, policy, out);
    } else if (value instanceof Optional<?> o) {
      optional(o, policy, out);
    } else if (value instanceof BaseStream<?, ?>) {
      out.accept(STREAM_HINT);
    } else if (value instanceof Query<?> q) {
      query(q, policy, out);
    } else if (value instanceof SnapshotDiff diff) {
      diff(diff, policy, out);
    } else if (value instanceof Page<?> page) {
      table(page.items(), page.items().size(), page.totalItems(), policy, out);
    } else if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      map(m, policy, out);
    } else if (value instanceof Collection<?> c && !c.isEmpty() && allRows(c)) {
      table(c, c.size(), c.size(), policy, out);
    } else if (value instanceof Object[] a && a.length > 0 && allRows(Arrays.asList(a))) {
      table(Arrays.asList(a), a.length, a.length, policy, out);
    } else if (value instanceof Collection<?> c && !policy.all() && c.size() > policy.rows()) {
      elements(c, policy, out);
    } else if (value.getClass().isArray()
        && !policy.all()
        && Array.getLength(value) > policy.rows()) {
      elements(asList(value), policy, out);
    } else if (isCard(value)) {
      card(value, policy, out);
    } else {
      text(text == null ? String.valueOf(value) : text, policy, out);
    }
  }

  /** Whether every element prints as a table row: records and maps. */
  static boolean allRows(Collection<?> values) {
    for (Object o : values) {
      if (o == null || !(o.getClass().isRecord() || o instanceof Map<?, ?>)) {
        return false;
      }
    }
    return true;
  }

  /**
   * An Apimo record, or a record that keeps the {@code toString} Java gave it; a record with its
   * own words ({@code ExportSummary}: {@code users.csv: 40 rows, ...}) prints them.
   */
  private static boolean isCard(Object value) {
    if (value instanceof ApimoRecord) {
      return true;
    }
    if (!value.getClass().isRecord()) {
      return false;
    }
    return String.valueOf(value).startsWith(value.getClass().getSimpleName() + "[");
  }

  private static boolean structured(Object value) {
    return value instanceof Map<?, ?>
        || value instanceof Collection<?>
        || value instanceof Query<?>
        || value instanceof Page<?>
        || isCard(value);
  }

  private static void optional(Optional<?> o, PrintPolicy policy, Consumer<String> out) {
    if (o.isEmpty()) {
      out.accept(EMPTY_OPTIONAL);
    } else if (structured(o.get())) {
      render(o.get(), null, policy, out);
    } else {
      text("Optional[" + o.get() + "]", policy, out);
    }
  }

  private static void query(Query<?> query, PrintPolicy policy, Consumer<String> out) {
    if (policy.all()) {
      try (Stream<?> rows = query.stream()) {
        Table.renderAll(rows.iterator(), List.of(), SAMPLE_ROWS, out);
      }
      return;
    }
    Page<?> page = query.page(policy.rows());
    table(page.items(), page.items().size(), page.totalItems(), policy, out);
  }

  /**
   * Rows as a table: the first {@link PrintPolicy#rows()} on a terminal, then "… N more of total";
   * all of them otherwise.
   *
   * @param total the rows there are in all, -1 when unknown
   */
  private static void table(
      Collection<?> rows, int size, long total, PrintPolicy policy, Consumer<String> out) {
    if (rows.isEmpty()) {
      out.accept(total > 0 ? "(" + total + " rows, none in this page)" : "(no rows)");
      return;
    }
    if (policy.all()) {
      Table.renderAll(rows.iterator(), List.of(), SAMPLE_ROWS, out);
      return;
    }
    List<?> shown = rows.stream().limit(policy.rows()).toList();
    String note = Table.moreNote(shown.size(), total);
    if (note == null && total < 0 && shown.size() == policy.rows()) {
      note = "… maybe more (filtered query: .list() or .count() for all)";
    }
    lines(Table.render(shown, List.of(), policy.width(), note), out);
  }

  /** A snapshot diff: its warnings, its headline, then its changes as a table. */
  private static void diff(SnapshotDiff diff, PrintPolicy policy, Consumer<String> out) {
    diff.warnings().forEach(w -> text("warning: " + w, policy, out));
    text(
        policy.width() > 0 ? Text.wrapLines(diff.headline(), policy.width()) : diff.headline(),
        policy,
        out);
    if (!diff.isEmpty()) {
      table(diff.changes(), diff.size(), diff.size(), policy, out);
    }
  }

  private static void map(Map<?, ?> map, PrintPolicy policy, Consumer<String> out) {
    int summary = policy.width() == 0 ? Integer.MAX_VALUE / 2 : Math.max(20, policy.width());
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    Iterator<Map<String, String>> rows =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return entries.hasNext();
          }

          @Override
          public Map<String, String> next() {
            Map.Entry<?, ?> e = entries.next();
            var row = new LinkedHashMap<String, String>();
            row.put("key", Summary.of(e.getKey(), summary).replaceAll("^\"|\"$", ""));
            row.put("value", Summary.of(e.getValue(), summary));
            return row;
          }
        };
    if (policy.all()) {
      Table.renderAll(rows, List.of("key", "value"), SAMPLE_ROWS, out);
      return;
    }
    List<Map<String, String>> shown = new ArrayList<>();
    while (rows.hasNext() && shown.size() < policy.rows()) {
      shown.add(rows.next());
    }
    String note = Table.moreNote(shown.size(), map.size());
    lines(Table.render(shown, List.of("key", "value"), policy.width(), note), out);
  }

  /** An array of any element type, primitive or not, as a list (no copy). */
  private static List<Object> asList(Object array) {
    return new AbstractList<>() {
      @Override
      public Object get(int index) {
        return Array.get(array, index);
      }

      @Override
      public int size() {
        return Array.getLength(array);
      }
    };
  }

  /** A long list of plain values: its first elements and how many more. */
  private static void elements(Collection<?> values, PrintPolicy policy, Consumer<String> out) {
    var text = new StringBuilder("[");
    int shown = 0;
    for (Object o : values) {
      if (shown == policy.rows()) {
        break;
      }
      text.append(shown++ > 0 ? ", " : "").append(o);
    }
    text.append(", … ").append(Summary.count(values.size() - shown)).append(" more]");
    text(text.toString(), policy, out);
  }

  /**
   * One record as field/value lines, each catalog code with its word beside it, as tables show
   * them, in the culture of the client that fetched the record: {@code type 4 (Apartment)}, {@code
   * heating.device 7 (Radiator)}, {@code services [1,4] (Lift, Pool)}. The catalogs are asked
   * {@linkplain ApimoHttp#aside aside}, so {@code /raw} still shows the record's own response.
   */
  private static void card(Object record, PrintPolicy policy, Consumer<String> out) {
    Map<String, String> fields = new LinkedHashMap<>();
    boolean labels = record instanceof ApimoRecord r && !r.codeCatalogs().isEmpty();
    Map<String, String> cells =
        labels
            ? ApimoHttp.aside(() -> Flattener.flatten(record, true))
            : Flattener.flatten(record, false);
    cells.forEach(
        (k, v) -> {
          String code =
              k.endsWith(LABEL) ? cells.get(k.substring(0, k.length() - LABEL.length())) : null;
          if (code == null) {
            fields.put(k, withWord(v, cells.get(Flattener.labelColumn(k))));
          }
        });
    lines(Cards.render(fields, policy.width()), out);
  }

  private static final String LABEL = Flattener.labelColumn("");

  /**
   * {@code 4 (Apartment)}; the code alone when it has no word other than itself; a list's words
   * without their JSON quotes: {@code [1,4] (Lift, Pool)}.
   */
  private static String withWord(String code, String word) {
    String value = code == null ? "" : code;
    if (word == null || word.isEmpty() || word.equals(value)) {
      return value;
    }
    if (word.startsWith("[")) {
      try {
        var words = new ArrayList<String>();
        Json.mapper().readTree(word).forEach(w -> words.add(w.asText()));
        var codes = new ArrayList<String>();
        Json.mapper().readTree(value).forEach(c -> codes.add(c.asText()));
        if (words.isEmpty() || words.equals(codes)) {
          return value;
        }
        word = String.join(", ", words);
      } catch (java.io.IOException notAList) {
        // keep the text as it is
      }
    }
    return value + " (" + word + ")";
  }

  /**
   * Text line by line, control characters made visible; on a terminal at most {@link
   * PrintPolicy#textLines()} lines and {@link PrintPolicy#textChars()} characters.
   */
  private static void text(String text, PrintPolicy policy, Consumer<String> out) {
    String longest = longestLine(text, policy.lineChars());
    if (longest != null) {
      cut(headAndTails(text, policy.lineChars()), policy, out);
      out.accept(
          "… a line of "
              + Summary.count(longest.length())
              + " characters shows its start and end (/set rows all shows everything,"
              + " .length() its size)");
      return;
    }
    cut(text, policy, out);
  }

  /**
   * At most {@link PrintPolicy#textLines()} lines and {@link PrintPolicy#textChars()} characters.
   */
  private static void cut(String text, PrintPolicy policy, Consumer<String> out) {
    String shown = text;
    String cut = null;
    if (shown.length() > policy.textChars()) {
      cut = Summary.count(shown.length() - policy.textChars()) + " more characters";
      shown = shown.substring(0, policy.textChars());
    }
    String[] lines = ControlChars.visible(shown).split("\r?\n", -1);
    int keep = Math.min(lines.length, policy.textLines());
    for (int i = 0; i < keep; i++) {
      out.accept(lines[i]);
    }
    if (keep < lines.length) {
      cut = Summary.count(text.split("\r?\n", -1).length - keep) + " more lines";
    }
    if (cut != null) {
      out.accept("… " + cut + " (/set rows all shows everything)");
    }
  }

  /** The longest line of {@code text} when it is longer than {@code max}; else null. */
  private static String longestLine(String text, int max) {
    if (text.length() <= max) {
      return null;
    }
    String longest = null;
    for (String line : text.split("\r?\n", -1)) {
      if (line.length() > max && (longest == null || line.length() > longest.length())) {
        longest = line;
      }
    }
    return longest;
  }

  /**
   * {@code text} with each line longer than {@code max} cut to its first four fifths and last fifth
   * of {@code max} around {@code " … "}: {@code "aaaa … zz"}.
   */
  static String headAndTails(String text, int max) {
    var out = new StringBuilder();
    for (String line : text.split("\r?\n", -1)) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      if (line.length() <= max) {
        out.append(line);
        continue;
      }
      int head = max * 4 / 5 - 3;
      head -= Character.isHighSurrogate(line.charAt(head - 1)) ? 1 : 0;
      int tail = line.length() - max / 5;
      tail += Character.isLowSurrogate(line.charAt(tail)) ? 1 : 0;
      out.append(line, 0, head).append(" … ").append(line, tail, line.length());
    }
    return out.toString();
  }

  private static void lines(String text, Consumer<String> out) {
    text.lines().forEach(out);
  }
}
