package dev.apimoshell.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.internal.export.Exporter;
import dev.apimoshell.internal.text.Text;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads exports back from their bytes the way Excel opens a CSV file by double-click: the BOM says
 * UTF-8, the locale's list separator splits cells, a cell is then a formula when it starts with
 * {@code = + - @}, a number when it parses in the locale (losing a {@code +} or leading zeros), and
 * text otherwise, a leading {@code '} shown as typed. A model of documented behaviour, not Excel.
 */
class ExcelCsvTest {
  @TempDir Path dir;

  /** What a cell shows once Excel opened the file. */
  sealed interface Shown {}

  record Text(String text) implements Shown {}

  record Number(BigDecimal value) implements Shown {}

  /** A formula Excel evaluates: harmless only when it is a constant string, kept as its text. */
  record Formula(String source) implements Shown {}

  private static final Pattern CONSTANT_STRING = Pattern.compile("=\"([^\"]*)\"");

  @Test
  void frenchExcelReadsDecimalCommasPhoneNumbersAsTypedAndNoFormula() throws Exception {
    Path file = dir.resolve("biens.csv");
    var row = new LinkedHashMap<String, Object>();
    row.put("id", 7);
    row.put("surface", new BigDecimal("43.566"));
    row.put("negative", -12.5);
    row.put("mobile", "+33657004146");
    row.put("phone", "+33 6 57 00 41 46");
    row.put("us", "+1 (555) 123-4567");
    row.put("zipcode", "01000");
    row.put("formula", "=1+1");
    row.put("plus", "+SUM(A1)");
    row.put("minus", "-2+3");
    row.put("at", "@x");
    row.put("short", "+2-3");

    Exporter.export(
        Stream.of(row), file, ExportOptions.defaults().withDialect(CsvDialect.EXCEL_FR));

    List<Shown> shown = openInExcel(Files.readAllBytes(file), ';', ',').get(1);
    assertThat(shown)
        .containsExactly(
            new Number(new BigDecimal("7")),
            new Number(new BigDecimal("43.566")),
            new Number(new BigDecimal("-12.5")),
            new Text("+33657004146"),
            new Text("+33 6 57 00 41 46"),
            new Text("+1 (555) 123-4567"),
            new Text("01000"),
            new Text("'=1+1"),
            new Text("'+SUM(A1)"),
            new Text("'-2+3"),
            new Text("'@x"),
            new Text("'+2-3"));
  }

  @Test
  void englishExcelKeepsTheDecimalPointAndPhoneNumbers() throws Exception {
    Path file = dir.resolve("users.csv");
    var row = new LinkedHashMap<String, Object>();
    row.put("price", new BigDecimal("2600000.50"));
    row.put("mobile", "+33657004146");

    Exporter.export(Stream.of(row), file, ExportOptions.defaults().withDialect(CsvDialect.EXCEL));

    assertThat(openInExcel(Files.readAllBytes(file), ',', '.').get(1))
        .containsExactly(new Number(new BigDecimal("2600000.50")), new Text("+33657004146"));
  }

  @Test
  void theStandardDialectWritesPhoneNumbersRawAndStillDisarmsFormulas() throws Exception {
    Path file = dir.resolve("users.csv");
    var row = new LinkedHashMap<String, Object>();
    row.put("price", new BigDecimal("43.566"));
    row.put("mobile", "+33657004146");
    row.put("formula", "=1+1");

    Exporter.export(Stream.of(row), file, ExportOptions.defaults());

    assertThat(Files.readString(file)).endsWith("\r\n43.566,+33657004146,'=1+1\r\n");
  }

  /**
   * The file's lines as Excel shows their cells. Quoted cells are unquoted first; Excel applies the
   * same rules to them.
   */
  static List<List<Shown>> openInExcel(byte[] bytes, char separator, char decimal)
      throws Exception {
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    var lines = new ArrayList<List<Shown>>();
    for (List<String> cells : Fixtures.parseCsv(text, separator)) {
      lines.add(cells.stream().map(cell -> shown(cell, decimal)).toList());
    }
    return lines;
  }

  private static Shown shown(String cell, char decimal) {
    var constant = CONSTANT_STRING.matcher(cell);
    if (constant.matches()) {
      return new Text(constant.group(1));
    }
    String number = decimal == ',' ? "[+-]?[0-9]+(,[0-9]+)?" : "[+-]?[0-9]+(\\.[0-9]+)?";
    if (cell.matches(number)) {
      return new Number(new BigDecimal(cell.replace(',', '.')));
    }
    if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
      return new Formula(cell);
    }
    return new Text(cell);
  }
}
