package dev.apimoshell.shell;

import java.util.Locale;
import java.util.Set;

/**
 * The CSV dialect word {@code /export} takes after its file: {@code /export rows out.csv EXCEL_FR}
 * exports with {@code CsvDialect.EXCEL_FR} (semicolons, decimal commas, for French Excel).
 */
final class ExportDialectWord {
  static final String USAGE =
      "usage: /export EXPR FILE [RFC4180|EXCEL|EXCEL_FR]   e.g. /export Apimo.agency(14).users()"
          + " users.csv EXCEL_FR";

  private static final Set<String> DIALECTS = Set.of("RFC4180", "EXCEL", "EXCEL_FR");

  private ExportDialectWord() {}

  /**
   * The Java for the dialect {@code word} names ({@code excel_fr} too), or null for a file name.
   */
  static String of(String word) {
    String upper = word.strip().toUpperCase(Locale.ROOT);
    return DIALECTS.contains(upper) ? "dev.apimoshell.export.CsvDialect." + upper : null;
  }
}
