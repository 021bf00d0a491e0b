package dev.apimoshell.export;

/**
 * How a CSV file is laid out for the program that will open it. Quotes are always {@code "},
 * doubled inside a cell; the encoding is always UTF-8.
 *
 * <p>Spreadsheets disagree: Excel reads UTF-8 reliably only when the file starts with a byte order
 * mark, and French-locale Excel splits columns on {@code ;} because the comma is its decimal
 * separator. Pick the preset for the reader:
 *
 * <pre>{@code
 * ExportOptions.defaults().withDialect(CsvDialect.EXCEL_FR)
 * }</pre>
 *
 * A TSV export uses the dialect's line ending and BOM, with a tab as separator.
 *
 * @param separator the character between cells
 * @param lineEnding written after each line, header included
 * @param bom whether the file starts with the UTF-8 byte order mark {@code EF BB BF}
 */
public record CsvDialect(char separator, String lineEnding, boolean bom) {
  /** The standard: comma, CRLF, no BOM. Right for programs, pandas, databases. */
  public static final CsvDialect RFC4180 = new CsvDialect(',', "\r\n", false);

  /** Comma with a BOM, so that Excel in an English locale shows accents right. */
  public static final CsvDialect EXCEL = new CsvDialect(',', "\r\n", true);

  /** Semicolon with a BOM, for Excel in a French locale. */
  public static final CsvDialect EXCEL_FR = new CsvDialect(';', "\r\n", true);

  public CsvDialect {
    if (separator == '"' || separator == '\r' || separator == '\n') {
      throw new IllegalArgumentException("Unusable CSV separator: " + (int) separator);
    }
    if (lineEnding == null || lineEnding.isEmpty()) {
      throw new IllegalArgumentException("A CSV line ending is required");
    }
  }
}
