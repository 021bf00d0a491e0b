package dev.apimoshell.export;

import java.util.List;
import java.util.Objects;
import java.util.function.LongUnaryOperator;

/**
 * What an export writes and how. Immutable: each wither returns a copy.
 *
 * <pre>{@code
 * var options = ExportOptions.defaults()
 *     .withColumns("id", "lastname", "email")
 *     .withDialect(CsvDialect.EXCEL_FR);
 * Exporter.export(users.stream(), Path.of("users.csv"), options);
 * }</pre>
 *
 * @param format the format, or null to take it from the file's extension
 * @param columns the columns to write, in this order; empty for all of them. Names are the {@link
 *     Flattener}'s: {@code properties.price} for a nested field
 * @param dialect separator, line ending and BOM of CSV and TSV files
 * @param formulaGuard whether a CSV/TSV cell that a spreadsheet would run as a formula (it starts
 *     with {@code = + - @}, a tab or a CR) gets a leading {@code '} (CWE-1236). Plain negative
 *     numbers such as {@code -12.5} and phone numbers such as {@code +33 6 57 00 41 46} are left
 *     alone: they cannot run (see {@code CsvCells})
 * @param labels whether each catalog code gets a {@code <field>_label} column with its word (from
 *     the catalogs, in the culture, of the client that fetched the record); a {@code _label} column
 *     chosen by name gets it anyway
 * @param resumeOffset from the rows written to the offset where the source can resume, asked only
 *     when an export fails, so that the error can tell the user how to resume; null when the source
 *     cannot resume
 */
public record ExportOptions(
    ExportFormat format,
    List<String> columns,
    CsvDialect dialect,
    boolean formulaGuard,
    boolean labels,
    LongUnaryOperator resumeOffset) {

  /**
   * The defaults plus a {@code <field>_label} column after each catalog code, in one word at the
   * prompt; {@code ExportOptions.LABELS.withDialect(CsvDialect.EXCEL_FR)} combines.
   *
   * <pre>{@code Apimo.agency(14).users().export("users.csv", ExportOptions.LABELS)}</pre>
   */
  public static final ExportOptions LABELS =
      new ExportOptions(null, List.of(), CsvDialect.RFC4180, true, true, null);

  public ExportOptions {
    columns = List.copyOf(columns);
    Objects.requireNonNull(dialect, "dialect");
  }

  /** Format from the extension, all columns, RFC 4180, formula guard on. */
  public static ExportOptions defaults() {
    return new ExportOptions(null, List.of(), CsvDialect.RFC4180, true, false, null);
  }

  public ExportOptions withFormat(ExportFormat format) {
    return new ExportOptions(format, columns, dialect, formulaGuard, labels, resumeOffset);
  }

  public ExportOptions withColumns(String... columns) {
    return withColumns(List.of(columns));
  }

  public ExportOptions withColumns(List<String> columns) {
    return new ExportOptions(format, columns, dialect, formulaGuard, labels, resumeOffset);
  }

  public ExportOptions withDialect(CsvDialect dialect) {
    return new ExportOptions(format, columns, dialect, formulaGuard, labels, resumeOffset);
  }

  public ExportOptions withFormulaGuard(boolean formulaGuard) {
    return new ExportOptions(format, columns, dialect, formulaGuard, labels, resumeOffset);
  }

  /**
   * Adds a {@code <field>_label} column after each catalog code ({@code group_label}: the word for
   * {@code group}).
   */
  /** The suffix of a column that asks for the label of a code: {@code type_label}. */
  public static final String LABEL_SUFFIX = "_label";

  public ExportOptions withLabels(boolean labels) {
    return new ExportOptions(format, columns, dialect, formulaGuard, labels, resumeOffset);
  }

  /** Labels for every code, or for the {@code _label} columns asked for. */
  public boolean wantsLabels() {
    return labels || columns.stream().anyMatch(c -> c.endsWith(LABEL_SUFFIX));
  }

  public ExportOptions withResumeOffset(LongUnaryOperator resumeOffset) {
    return new ExportOptions(format, columns, dialect, formulaGuard, labels, resumeOffset);
  }
}
