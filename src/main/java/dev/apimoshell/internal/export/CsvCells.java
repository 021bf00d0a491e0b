package dev.apimoshell.internal.export;

import dev.apimoshell.export.CsvDialect;
import dev.apimoshell.internal.text.ControlChars;
import java.util.regex.Pattern;

/**
 * Makes one CSV/TSV cell safe to open: control characters removed, formulas disarmed, and, for
 * Excel dialects, text that Excel would turn into a number kept as typed.
 *
 * <pre>{@code
 * var cells = new CsvCells(CsvDialect.EXCEL_FR, true);
 * cells.safe("=1+1")          // '=1+1        shown as text, never run
 * cells.safe("+33657004146")  // ="+33657004146"  a constant string: Excel shows +33657004146
 * cells.safe("a\u0000b")      // ab
 * }</pre>
 *
 * <ul>
 *   <li><b>Control characters</b> ({@link ControlChars}' list but tab, line feed and carriage
 *       return: C0, DEL, C1, bidi controls, invisible characters) are stripped: a NUL truncates the
 *       cell in many programs, an ESC sent to a terminal by {@code cat} runs escape sequences and a
 *       U+202E reverses how the rest of the cell reads. Tab and line breaks stay, quoted. JSON
 *       exports keep them exactly, escaped.
 *   <li><b>Formulas</b> (CWE-1236): a cell starting with {@code = + - @}, a tab or a CR gets a
 *       leading {@code '}. Plain negative numbers ({@code -12.5}, {@code -12,5}) and phone numbers
 *       ({@code +} then 6 to 15 digits among spaces, dots, dashes and parentheses) are left alone:
 *       without letters, quotes or colons Excel can only read them as arithmetic, never as a call
 *       or a reference.
 *   <li><b>Text as typed</b> ({@link CsvDialect#excelText()}): Excel reads {@code +33657004146} as
 *       the number 33657004146 and {@code 01000} as 1000. Such cells (phone numbers as above,
 *       digits with a leading zero) are written {@code ="+33657004146"}: a formula whose only
 *       content is a string of digits and punctuation, which Excel shows as that text.
 * </ul>
 */
final class CsvCells {
  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-[0-9]+([.,][0-9]+)?");
  private static final Pattern PHONE = Pattern.compile("\\+[0-9][0-9 .()\\-]*");
  private static final Pattern LEADING_ZERO = Pattern.compile("0[0-9]+");

  private final boolean excelText;
  private final boolean formulaGuard;

  CsvCells(CsvDialect dialect, boolean formulaGuard) {
    this.excelText = dialect.excelText();
    this.formulaGuard = formulaGuard;
  }

  /** The cell as it should be written, before CSV quoting. */
  String safe(String cell) {
    String text = withoutControls(cell);
    if (excelText && (isPhone(text) || LEADING_ZERO.matcher(text).matches())) {
      return "=\"" + text + "\"";
    }
    return formulaGuard ? guarded(text) : text;
  }

  /** {@code =1+1} becomes {@code '=1+1}, shown as text by spreadsheets; {@code -3} stays. */
  static String guarded(String cell) {
    if (cell.isEmpty()
        || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0
        || NEGATIVE_NUMBER.matcher(cell).matches()
        || isPhone(cell)) {
      return cell;
    }
    return "'" + cell;
  }

  static boolean isPhone(String cell) {
    if (cell.isEmpty() || cell.charAt(0) != '+' || !PHONE.matcher(cell).matches()) {
      return false;
    }
    long digits = cell.chars().filter(c -> c >= '0' && c <= '9').count();
    return digits >= 6 && digits <= 15;
  }

  static String withoutControls(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        continue; // printable ASCII, most of any cell
      }
      if (isControl(c)) {
        var kept = new StringBuilder(cell.length()).append(cell, 0, i);
        for (int j = i + 1; j < cell.length(); j++) {
          char next = cell.charAt(j);
          if (!isControl(next)) {
            kept.append(next);
          }
        }
        return kept.toString();
      }
    }
    return cell;
  }

  /** {@link ControlChars}' controls but the tab and line breaks, which stay quoted. */
  private static boolean isControl(char c) {
    return c != '\t' && c != '\n' && c != '\r' && ControlChars.isControl(c);
  }
}
