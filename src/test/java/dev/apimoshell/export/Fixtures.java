package dev.apimoshell.export;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records shaped like the model's, and a CSV reader to check exports with. */
final class Fixtures {
  private Fixtures() {}

  record Agent(long id, String name, String password) {}

  record Price(BigDecimal value, String currency, Agent negotiator) {}

  record Listing(
      long id,
      String title,
      @JsonProperty("created_at") LocalDateTime createdAt,
      Price price,
      List<String> tags,
      String note,
      String password,
      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {}

  /**
   * Accents, quotes, separators, a line break, a null, a list, a nested object, an unknown field.
   */
  static Listing tricky() {
    var extra = new LinkedHashMap<String, Object>();
    extra.put("energy_class", "B");
    return new Listing(
        7,
        "Château \"Les Pins\", près d'Arès; vue mer",
        LocalDateTime.of(2018, 9, 11, 14, 43, 20),
        new Price(new BigDecimal("2600000"), "EUR", new Agent(3, "Ève", "s3cret")),
        List.of("piscine", "garçonnière"),
        null,
        "hunter2",
        extra);
  }

  static Listing plain(long id) {
    return new Listing(
        id,
        "Appartement " + id,
        LocalDateTime.of(2020, 1, 2, 3, 4, 5),
        new Price(BigDecimal.valueOf(100_000 + id), "EUR", null),
        List.of(),
        "l’entrée\nsecond line",
        "pw",
        Map.of());
  }

  /** Every line of a CSV or TSV text as cells, header first, parsed by jackson-dataformat-csv. */
  static List<List<String>> parseCsv(String text, char separator) throws IOException {
    var mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<String[]> lines =
        mapper
            .readerFor(String[].class)
            .with(CsvSchema.emptySchema().withColumnSeparator(separator))
            .readValues(text)) {
      return lines.readAll().stream().map(Arrays::asList).toList();
    }
  }
}
