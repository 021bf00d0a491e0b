package dev.apimoshell.export;

import static dev.apimoshell.export.Fixtures.parseCsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.internal.export.Columns;
import dev.apimoshell.internal.export.Exporter;
import dev.apimoshell.model.Property;
import dev.apimoshell.model.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnsTest {
  @TempDir Path dir;

  @Test
  void accessorSpellingNestedColumnsAndLabelsAreKnown() {
    Columns.Resolved resolved =
        Columns.resolve(
            List.of("id", "groupLabel", "createdAt", "group_label", "email"), User.class);

    assertThat(resolved.columns())
        .containsExactly("id", "group_label", "created_at", "group_label", "email");
    assertThat(resolved.unverified()).isEmpty();
    assertThat(Columns.resolve(List.of("city.zipcode", "price.value"), Property.class).columns())
        .containsExactly("city.zipcode", "price.value");
  }

  @Test
  void aTypoIsRejectedWithTheNearName() {
    assertThatThrownBy(() -> Columns.resolve(List.of("id", "emial"), User.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown column 'emial' for User: did you mean 'email'?");
    assertThatThrownBy(() -> Columns.resolve(List.of("city.zipcod"), Property.class))
        .hasMessage("Unknown column 'city.zipcod' for Property: did you mean 'city.zipcode'?");
  }

  @Test
  void aNameFarFromEveryKnownColumnMayBeAnExtraField() {
    Columns.Resolved resolved = Columns.resolve(List.of("id", "loyalty_tier"), User.class);

    assertThat(resolved.columns()).containsExactly("id", "loyalty_tier");
    assertThat(resolved.unverified()).containsExactly("loyalty_tier");
  }

  @Test
  void anExtraFieldChosenByNameIsExported() throws Exception {
    Path file = dir.resolve("out.csv");

    Exporter.export(
        Stream.of(Fixtures.plain(1), Fixtures.tricky()), file.toString(), "id", "energy_class");

    assertThat(parseCsv(Files.readString(file), ','))
        .containsExactly(List.of("id", "energy_class"), List.of("1", ""), List.of("7", "B"));
  }

  @Test
  void aColumnInNoRowFailsTheExportAndLeavesNoFile() {
    Path file = dir.resolve("out.csv");

    assertThatThrownBy(
            () ->
                Exporter.export(
                    Stream.of(Map.of("email", "a@b.c"), Map.of("email", "d@e.f")),
                    file.toString(),
                    "emial"))
        .isInstanceOf(ExportException.class)
        .hasMessageEndingWith(
            "Cause: Unknown column 'emial': it is in none of the 2 rows; did you mean 'email'?");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aTypoInAStreamOfRecordsFailsAtTheFirstRow() {
    Path file = dir.resolve("out.json");

    assertThatThrownBy(
            () -> Exporter.export(Stream.of(Fixtures.tricky()), file.toString(), "titel"))
        .isInstanceOf(ExportException.class)
        .hasMessageEndingWith("Unknown column 'titel' for Listing: did you mean 'title'?");
    assertThat(dir).isEmptyDirectory();
  }
}
