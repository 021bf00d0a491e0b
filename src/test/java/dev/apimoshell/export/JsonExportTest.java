package dev.apimoshell.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimoshell.internal.export.Exporter;
import dev.apimoshell.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonExportTest {
  @TempDir Path dir;

  private final List<Fixtures.Listing> listings = List.of(Fixtures.tricky(), Fixtures.plain(8));

  @Test
  void jsonIsOneArrayOfTheSourceRecordsOneALine() throws Exception {
    Path file = dir.resolve("listings.json");

    ExportSummary summary = Exporter.export(listings.stream(), file, ExportOptions.defaults());

    String text = Files.readString(file);
    assertThat(text.lines()).hasSize(4);
    assertThat(text).startsWith("[\n{").endsWith("}\n]\n").doesNotContain("hunter2", "s3cret");
    JsonNode array = Json.mapper().readTree(text);
    assertThat(array)
        .containsExactly(withoutPasswords(listings.get(0)), withoutPasswords(listings.get(1)));
    assertThat(array.get(0).get("energy_class").asText()).isEqualTo("B");
    assertThat(array.get(0).get("created_at").asText()).isEqualTo("2018-09-11 14:43:20");
    assertThat(summary.format()).isEqualTo(ExportFormat.JSON);
  }

  @Test
  void ndjsonIsOneRecordALineWithAFinalNewline() throws Exception {
    Path file = dir.resolve("listings.jsonl");

    Exporter.export(listings.stream(), file, ExportOptions.defaults());

    String text = Files.readString(file);
    assertThat(text).endsWith("}\n").doesNotContain("hunter2", "s3cret");
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(Json.mapper().readTree(lines.get(0))).isEqualTo(withoutPasswords(listings.get(0)));
    assertThat(Json.mapper().readTree(lines.get(1))).isEqualTo(withoutPasswords(listings.get(1)));
  }

  @Test
  void recordsReadBackAsTheSameRecordsButPassword() throws Exception {
    Path file = dir.resolve("listings.ndjson");

    Exporter.export(listings.stream(), file, ExportOptions.defaults());

    var back =
        Json.mapper()
            .readerFor(Fixtures.Listing.class)
            .<Fixtures.Listing>readValues(file.toFile())
            .readAll();
    assertThat(back).hasSize(2);
    assertThat(back.get(0))
        .usingRecursiveComparison()
        .ignoringFields("password", "price.negotiator.password")
        .isEqualTo(listings.get(0));
    assertThat(back.get(0).password()).isNull();
    assertThat(back.get(0).price().negotiator().password()).isNull();
  }

  @Test
  void chosenColumnsKeepTheirNestingAndOrder() throws Exception {
    Path file = dir.resolve("few.ndjson");

    Exporter.export(
        Stream.of(Fixtures.tricky()),
        file.toString(),
        "price.value",
        "id",
        "price.currency",
        "note");

    assertThat(Files.readString(file))
        .isEqualTo("{\"price\":{\"value\":2600000,\"currency\":\"EUR\"},\"id\":7,\"note\":null}\n");
  }

  @Test
  void noRowsIsAnEmptyArrayOrAnEmptyFile() throws Exception {
    Exporter.export(Stream.empty(), dir.resolve("none.json"), ExportOptions.defaults());
    Exporter.export(Stream.empty(), dir.resolve("none.ndjson"), ExportOptions.defaults());

    assertThat(Json.mapper().readTree(dir.resolve("none.json").toFile())).isEmpty();
    assertThat(Files.size(dir.resolve("none.ndjson"))).isZero();
  }

  /** The record as plain JSON would carry it, passwords removed by hand. */
  private static JsonNode withoutPasswords(Fixtures.Listing listing) throws Exception {
    ObjectNode tree =
        (ObjectNode) Json.mapper().readTree(Json.mapper().writeValueAsString(listing));
    tree.remove("password");
    if (tree.get("price").get("negotiator") instanceof ObjectNode negotiator) {
      negotiator.remove("password");
    }
    return tree;
  }
}
