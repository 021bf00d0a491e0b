package dev.apimoshell.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.internal.text.Sizes;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExportFormatTest {

  @Test
  void formatComesFromTheExtensionWhateverItsCase() {
    assertThat(ExportFormat.fromFileName("users.csv")).isEqualTo(ExportFormat.CSV);
    assertThat(ExportFormat.fromFileName("out/Users.TSV")).isEqualTo(ExportFormat.TSV);
    assertThat(ExportFormat.fromFileName("a.json")).isEqualTo(ExportFormat.JSON);
    assertThat(ExportFormat.fromFileName("a.ndjson")).isEqualTo(ExportFormat.NDJSON);
    assertThat(ExportFormat.fromFileName("a.jsonl")).isEqualTo(ExportFormat.NDJSON);
  }

  @Test
  void unknownExtensionNamesTheSupportedOnes() {
    assertThatThrownBy(() -> ExportFormat.fromFileName("users.xlsx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot tell the export format of 'users.xlsx': use one of "
                + ".csv, .tsv, .json, .ndjson, .jsonl (or give the format in ExportOptions)");
    assertThatThrownBy(() -> ExportFormat.fromFileName("users")).hasMessageContaining("'users'");
  }

  @Test
  void summaryIsOneLine() {
    var summary =
        new ExportSummary(
            Path.of("/tmp/x/users.csv"), ExportFormat.CSV, 40, 5_200, Duration.ofMillis(120));

    assertThat(summary).hasToString("users.csv: 40 rows, CSV, 5.1 KiB in 0.12 s");
    assertThat(
            new ExportSummary(Path.of("a.json"), ExportFormat.JSON, 1, 812, Duration.ofSeconds(2)))
        .hasToString("a.json: 1 row, JSON, 812 B in 2.00 s");
    assertThat(Sizes.human(13_049_000)).isEqualTo("12.4 MiB");
    assertThat(Sizes.human(1024 * 1024 - 1)).isEqualTo("1.0 MiB");
    assertThat(Sizes.human(64L << 20)).isEqualTo("64 MiB");
    assertThat(Sizes.human(1023)).isEqualTo("1023 B");
  }

  @Test
  void optionsDefaultsAndWithers() {
    var defaults = ExportOptions.defaults();
    var changed =
        defaults
            .withColumns("b", "a")
            .withDialect(CsvDialect.EXCEL_FR)
            .withFormulaGuard(false)
            .withFormat(ExportFormat.TSV);

    assertThat(defaults.format()).isNull();
    assertThat(defaults.columns()).isEmpty();
    assertThat(defaults.dialect()).isEqualTo(new CsvDialect(',', "\r\n", false));
    assertThat(defaults.formulaGuard()).isTrue();
    assertThat(changed.columns()).containsExactly("b", "a");
    assertThat(changed.dialect().separator()).isEqualTo(';');
    assertThat(changed.dialect().bom()).isTrue();
    assertThat(changed.formulaGuard()).isFalse();
    assertThat(changed.format()).isEqualTo(ExportFormat.TSV);
  }
}
