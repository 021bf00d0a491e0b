package dev.apimoshell.shell;

import dev.apimoshell.api.Page;
import dev.apimoshell.api.Query;
import dev.apimoshell.export.Flattener;
import dev.apimoshell.export.Table;
import dev.apimoshell.model.ApimoRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The shell's value printing: records, collections of records and queries as tables (rendered by
 * {@link Table}, the one table renderer), one Apimo record as a field/value table, everything else
 * (an export summary, a catalog) as its {@code toString}.
 */
final class Printers {

  /** Rows a query or a list shows before "… N more". */
  static final int PREVIEW_ROWS = 20;

  private Printers() {}

  static ValuePrinter standard() {
    return Printers::print;
  }

  static String print(Object value, String text, int width) {
    if (value instanceof Query<?> query) {
      Page<?> page = query.page(PREVIEW_ROWS);
      return table(page.items(), page.totalItems(), width);
    }
    if (value instanceof Page<?> page) {
      return table(page.items(), page.totalItems(), width);
    }
    if (value instanceof Collection<?> rows
        && !rows.isEmpty()
        && rows.stream().allMatch(Printers::isRow)) {
      List<?> preview = rows.stream().limit(PREVIEW_ROWS).toList();
      return table(preview, rows.size(), width);
    }
    if (value instanceof ApimoRecord) {
      List<Map<String, String>> fields = new ArrayList<>();
      Flattener.flatten(value, true)
          .forEach((k, v) -> fields.add(Map.of("field", k, "value", v == null ? "" : v)));
      return Table.render(fields, List.of("field", "value"), width);
    }
    return text;
  }

  private static boolean isRow(Object o) {
    return o != null && (o.getClass().isRecord() || o instanceof Map<?, ?>);
  }

  private static String table(List<?> rows, long total, int width) {
    if (rows.isEmpty()) {
      return total > 0 ? "(" + total + " rows, none in this page)" : "(no rows)";
    }
    String note = Table.moreNote(rows.size(), total);
    if (note == null && total < 0 && rows.size() == PREVIEW_ROWS) {
      note = "… maybe more (filtered query: .list() or .count() for all)";
    }
    return Table.render(rows, List.of(), width, note);
  }
}
