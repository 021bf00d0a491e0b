package dev.apimoshell.export;

import static dev.apimoshell.export.Fixtures.parseCsv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.internal.export.Exporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {
  @TempDir Path dir;

  @Test
  void rfc4180ParsesBackToTheFlattenedCells() throws Exception {
    Path file = dir.resolve("listings.csv");

    ExportSummary summary =
        Exporter.export(
            Stream.of(Fixtures.tricky(), Fixtures.plain(8)), file, ExportOptions.defaults());

    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(bytes[0]).isEqualTo((byte) 'i');
    assertThat(text).contains("\r\n").doesNotContain("hunter2", "s3cret", "password");
    List<List<String>> lines = parseCsv(text, ',');
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .containsExactly(
            "id",
            "title",
            "created_at",
            "price.value",
            "price.currency",
            "price.negotiator.id",
            "price.negotiator.name",
            "tags",
            "note",
            "energy_class");
    assertThat(lines.get(1))
        .containsExactly(
            "7",
            "Château \"Les Pins\", près d'Arès; vue mer",
            "2018-09-11 14:43:20",
            "2600000",
            "EUR",
            "3",
            "Ève",
            "[\"piscine\",\"garçonnière\"]",
            "",
            "B");
    assertThat(lines.get(2))
        .containsExactly(
            "8",
            "Appartement 8",
            "2020-01-02 03:04:05",
            "100008",
            "EUR",
            "",
            "",
            "[]",
            "l’entrée\nsecond line",
            "");
    assertThat(summary.rows()).isEqualTo(2);
    assertThat(summary.bytes()).isEqualTo(bytes.length);
    assertThat(summary.format()).isEqualTo(ExportFormat.CSV);
  }

  @Test
  void excelFrenchPresetHasBomSemicolonsAndCrlf() throws Exception {
    Path file = dir.resolve("listings.csv");

    Exporter.export(
        Stream.of(Fixtures.tricky()),
        file,
        ExportOptions.defaults()
            .withDialect(CsvDialect.EXCEL_FR)
            .withColumns("id", "title", "price.value"));

    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("id;title;price.value\r\n").endsWith("\r\n");
    assertThat(parseCsv(text, ';'))
        .containsExactly(
            List.of("id", "title", "price.value"),
            List.of("7", "Château \"Les Pins\", près d'Arès; vue mer", "2600000"));
  }

  @Test
  void tsvUsesTabsAndQuotesWhatNeedsIt() throws Exception {
    Path file = dir.resolve("notes.tsv");
    var row = new LinkedHashMap<String, Object>();
    row.put("id", 1);
    row.put("text", "a\tb \"c\"\nd, é");

    Exporter.export(Stream.of(row), file, ExportOptions.defaults());

    String text = Files.readString(file);
    assertThat(text).startsWith("id\ttext\r\n");
    assertThat(parseCsv(text, '\t'))
        .containsExactly(List.of("id", "text"), List.of("1", "a\tb \"c\"\nd, é"));
  }

  @Test
  void chosenColumnsInTheirOrderMissingOnesEmpty() throws Exception {
    Path file = dir.resolve("out.csv");

    Exporter.export(
        Stream.of(Fixtures.tricky(), Fixtures.plain(9)),
        file.toString(),
        "price.value",
        "id",
        "energy_class",
        "note");

    assertThat(parseCsv(Files.readString(file), ','))
        .containsExactly(
            List.of("price.value", "id", "energy_class", "note"),
            List.of("2600000", "7", "B", ""),
            List.of("100009", "9", "", "l’entrée\nsecond line"));
  }

  @Test
  void mapsWithDifferentKeysKeepEveryColumnBesideItsNeighbours() throws Exception {
    Path file = dir.resolve("out.csv");
    var first = new LinkedHashMap<String, Object>();
    first.put("id", 1);
    first.put("name", "a");
    var second = new LinkedHashMap<String, Object>();
    second.put("id", 2);
    second.put("email", "b@example.com");
    second.put("name", "b");
    second.put("late", "x");

    ExportSummary summary =
        Exporter.export(Stream.of(first, second, Map.of("id", 3)), file, ExportOptions.defaults());

    assertThat(parseCsv(Files.readString(file), ','))
        .containsExactly(
            List.of("id", "email", "name", "late"),
            List.of("1", "", "a", ""),
            List.of("2", "b@example.com", "b", "x"),
            List.of("3", "", "", ""));
    assertThat(summary.rows()).isEqualTo(3);
    assertThat(summary.bytes()).isEqualTo(Files.size(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void recordsWhoseExtraFieldsDifferKeepThemAllAndCellsStayIntact() throws Exception {
    Path file = dir.resolve("out.tsv");
    var extra = new LinkedHashMap<String, Object>();
    extra.put("dpe", "C");
    Fixtures.Listing later = Fixtures.plain(9);
    later =
        new Fixtures.Listing(
            9,
            "quote \" and\ttab",
            later.createdAt(),
            later.price(),
            later.tags(),
            "",
            null,
            extra);

    Exporter.export(Stream.of(Fixtures.tricky(), later), file, ExportOptions.defaults());

    List<List<String>> lines = parseCsv(Files.readString(file), '\t');
    assertThat(lines.get(0)).endsWith("note", "dpe", "energy_class");
    assertThat(lines.get(1)).endsWith("", "", "B");
    assertThat(lines.get(2)).startsWith("9", "quote \" and\ttab").endsWith("", "C", "");
  }

  @Test
  void aNestedObjectNullInOneRowIsNotAColumn() throws Exception {
    Path file = dir.resolve("out.csv");

    Exporter.export(
        Stream.of(Fixtures.plain(1), Fixtures.tricky()),
        file,
        ExportOptions.defaults().withDialect(CsvDialect.EXCEL));

    byte[] bytes = Files.readAllBytes(file);
    List<String> header =
        parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), ',').get(0);
    assertThat(header)
        .containsSubsequence("price.currency", "price.negotiator.id", "price.negotiator.name")
        .doesNotContain("price.negotiator")
        .endsWith("energy_class");
  }

  @Test
  void controlCharactersAreStrippedFromCsvAndTsvButKeptInJson() throws Exception {
    var row = new LinkedHashMap<String, Object>();
    row.put("text", "a\u0000b\u001b[2Jc\u0007\u009b1m\u007fd");
    row.put("lines", "tab\there\r\nnext");

    for (String name : List.of("c.csv", "t.tsv")) {
      Exporter.export(Stream.of(row), dir.resolve(name), ExportOptions.defaults());
      String text = Files.readString(dir.resolve(name));
      assertThat(text.chars().filter(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n'))
          .isEmpty();
      assertThat(parseCsv(text, name.endsWith("csv") ? ',' : '\t').get(1))
          .containsExactly("ab[2Jc1md", "tab\there\r\nnext");
    }
    Exporter.export(Stream.of(row), dir.resolve("j.json"), ExportOptions.defaults());
    assertThat(
            dev.apimoshell.internal.json.Json.mapper()
                .readTree(dir.resolve("j.json").toFile())
                .get(0)
                .get("text")
                .asText())
        .isEqualTo(row.get("text"));
  }

  @Test
  void formulaGuardOnByDefault() throws Exception {
    Path file = dir.resolve("evil.csv");

    Exporter.export(formulas(), file, ExportOptions.defaults());

    assertThat(parseCsv(Files.readString(file), ',').get(1))
        .containsExactly(
            "'=HYPERLINK(\"http://x\")",
            "+33620000000",
            "'+SUM(A1)",
            "'-1+2",
            "'@SUM(A1)",
            "'\tx",
            "'\rx",
            "-12.5",
            "a=b");
  }

  @Test
  void formulaGuardCanBeTurnedOff() throws Exception {
    Path file = dir.resolve("raw.csv");

    Exporter.export(formulas(), file, ExportOptions.defaults().withFormulaGuard(false));

    assertThat(parseCsv(Files.readString(file), ',').get(1))
        .containsExactly(
            "=HYPERLINK(\"http://x\")",
            "+33620000000",
            "+SUM(A1)",
            "-1+2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "-12.5",
            "a=b");
  }

  private static Stream<Map<String, Object>> formulas() {
    var row = new LinkedHashMap<String, Object>();
    row.put("eq", "=HYPERLINK(\"http://x\")");
    row.put("phone", "+33620000000");
    row.put("plus", "+SUM(A1)");
    row.put("minus", "-1+2");
    row.put("at", "@SUM(A1)");
    row.put("tab", "\tx");
    row.put("cr", "\rx");
    row.put("negative", -12.5);
    row.put("inside", "a=b");
    return Stream.of(row);
  }
}
