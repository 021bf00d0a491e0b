package dev.apimoshell.export;

/**
 * How a CSV file is laid out for the program that will open it. Quotes are always {@code "},
 * doubled inside a cell; the encoding is always UTF-8.
 *
 * <p>Spreadsheets disagree: Excel reads UTF-8 reliably only when the file starts with a byte order
 * mark, French-locale Excel splits columns on {@code ;} and reads {@code 43,566} as a number but
 * {@code 43.566} as text, and Excel turns text that looks like a number into one ({@code
 * +33657004146} becomes {@code 33657004146}, the zip code {@code 01000} becomes {@code 1000}). Pick
 * the preset for the reader:
 *
 * <pre>{@code
 * ExportOptions.defaults().withDialect(CsvDialect.EXCEL_FR)
 * }</pre>
 *
 * A TSV export uses the dialect's line ending, BOM and decimal separator, with a tab as separator.
 *
 * @param separator the character between cells
 * @param lineEnding written after each line, header included
 * @param bom whether the file starts with the UTF-8 byte order mark {@code EF BB BF}
 * @param decimalSeparator {@code .} or {@code ,}: written in decimal numbers ({@code 43,566})
 * @param excelText whether text that Excel would read as a number (a phone number starting with
 *     {@code +}, digits with a leading zero) is written as the formula {@code ="+33657004146"}, a
 *     constant string, so that Excel shows it as typed. For files meant for Excel only: other
 *     programs read the formula's text
 */
public record CsvDialect(
    char separator, String lineEnding, boolean bom, char decimalSeparator, boolean excelText) {
  /** The standard: comma, CRLF, no BOM, decimal point. Right for programs, pandas, databases. */
  public static final CsvDialect RFC4180 = new CsvDialect(',', "\r\n", false);

  /** Comma with a BOM, so that Excel in an English locale shows accents and phone numbers right. */
  public static final CsvDialect EXCEL = new CsvDialect(',', "\r\n", true, '.', true);

  /** Semicolon, BOM and decimal comma, for Excel in a French locale. */
  public static final CsvDialect EXCEL_FR = new CsvDialect(';', "\r\n", true, ',', true);

  public CsvDialect {
    if (separator == '"' || separator == '\r' || separator == '\n') {
      throw new IllegalArgumentException("Unusable CSV separator: " + (int) separator);
    }
    if (lineEnding == null || lineEnding.isEmpty()) {
      throw new IllegalArgumentException("A CSV line ending is required");
    }
    if (decimalSeparator != '.' && decimalSeparator != ',') {
      throw new IllegalArgumentException(
          "The decimal separator must be '.' or ',', was '" + decimalSeparator + "'");
    }
  }

  /** A dialect with a decimal point that writes text as it is. */
  public CsvDialect(char separator, String lineEnding, boolean bom) {
    this(separator, lineEnding, bom, '.', false);
  }
}
