package dev.apimoshell.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apimoshell.internal.export.Flattener;
import dev.apimoshell.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every coded field of a property reads as words, in both cultures, from Apimo's real catalog
 * snapshot; a code without a word reads as the code itself.
 */
class CodeLabelsTest {
  /** Apimo's real catalogs, {@code {catalog: {id: {"fr": word, "en": word}}}}. */
  static JsonNode snapshot() throws IOException {
    try (InputStream in =
        CodeLabelsTest.class.getResourceAsStream("/dev/apimoshell/sandbox/apimo-catalogs.json")) {
      return Json.mapper().readTree(in);
    }
  }

  /** The snapshot's words in one culture, as a client's catalogs would give them. */
  static LabelSource labels(JsonNode snapshot, String culture) {
    return (catalog, code) -> {
      JsonNode word = snapshot.path(catalog).path(String.valueOf(code)).path(culture);
      return word.isTextual() ? word.textValue() : null;
    };
  }

  static Property property(LabelSource labels) throws IOException {
    try (InputStream in = CodeLabelsTest.class.getResourceAsStream("contract/property.json")) {
      return Json.mapper().reader(Json.withLabels(labels)).readValue(in, Property.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "en"})
  void everyCodedFieldOfAPropertyHasItsWordsInTablesAndExports(String culture) throws Exception {
    JsonNode snapshot = snapshot();
    Property p = property(labels(snapshot, culture));
    JsonNode sent = Json.mapper().valueToTree(p);
    JsonNode labelled = Flattener.tree(p, true);

    assertThat(p.codeCatalogs()).hasSizeGreaterThan(30);
    for (Map.Entry<String, String> coded : p.codeCatalogs().entrySet()) {
      List<JsonNode> codes = at(sent, coded.getKey());
      List<JsonNode> words = at(labelled, coded.getKey() + "_label");
      assertThat(codes).as(coded.getKey()).isNotEmpty();
      assertThat(words).as(coded.getKey() + "_label").hasSameSizeAs(codes);
      for (int i = 0; i < codes.size(); i++) {
        assertThat(words.get(i).toString())
            .as(coded.getKey() + " in " + culture)
            .isEqualTo(expected(snapshot, coded.getValue(), codes.get(i), culture).toString());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "en"})
  void theNamedLabelMethodsReadTheSameWords(String culture) throws Exception {
    JsonNode snapshot = snapshot();
    Property p = property(labels(snapshot, culture));
    String floor = snapshot.at("/property_floor/1/" + culture).textValue();

    assertThat(p.floorLabel()).isEqualTo(floor);
    assertThat(p.label("floor.type")).isEqualTo(floor);
    assertThat(p.areas().get(0).floorLabel()).isEqualTo(floor);
    assertThat(p.heatingLabel())
        .isEqualTo(snapshot.at("/property_heating_device/1/" + culture).textValue());
    assertThat(p.conditionLabel())
        .isEqualTo(snapshot.at("/property_condition/1/" + culture).textValue());
    assertThat(p.standingLabel())
        .isEqualTo(snapshot.at("/property_standing/1/" + culture).textValue());
    assertThat(p.availabilityLabel())
        .isEqualTo(snapshot.at("/property_availability/1/" + culture).textValue());
    assertThat(p.viewLabel())
        .isEqualTo(snapshot.at("/property_view_type/1/" + culture).textValue());
    assertThat(p.orientationLabels())
        .containsExactly(
            snapshot.at("/property_orientation/1/" + culture).textValue(),
            snapshot.at("/property_orientation/3/" + culture).textValue());
    assertThat(p.proximityLabels()).hasSize(2).doesNotContain("1", "2");
    assertThat(p.serviceLabels()).hasSize(3);
    assertThat(p.areas().get(0).typeLabel())
        .isEqualTo(snapshot.at("/property_areas/1/" + culture).textValue());
    assertThat(p.areas().get(0).flooringLabel())
        .isEqualTo(snapshot.at("/property_flooring/1/" + culture).textValue());
    assertThat(p.regulations().get(0).typeLabel())
        .isEqualTo(snapshot.at("/property_regulation/1/" + culture).textValue());
    assertThat(p.user().groupLabel())
        .isEqualTo(snapshot.at("/user_group/2/" + culture).textValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "en"})
  void aCodeWithoutAWordReadsAsTheCodeItselfNeverNull(String culture) throws Exception {
    LabelSource none = (catalog, code) -> null;
    Property p = property(none);

    assertThat(p.typeLabel()).isEqualTo("1");
    assertThat(p.orientationLabels()).containsExactly("1", "3");
    assertThat(Flattener.flatten(p, true))
        .containsEntry("type_label", "1")
        .containsEntry("floor.type_label", "1")
        .doesNotContainValue("null");
    // French property_service 77 has no word in the snapshot: Apimo leaves it out.
    assertThat(Labels.of(labels(snapshot(), "fr"), "property_service", 77)).isEqualTo("77");
    assertThat(Labels.of(labels(snapshot(), "en"), "property_service", 77))
        .isEqualTo("Backup water system");
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", ""})
  void aCatalogKeepsEveryCodeSentButFindsNoWordForOneWithoutAWord(String missing) {
    var catalog =
        new Catalog(
            "property_service",
            "fr",
            List.of(
                new CatalogEntry(1, "Ascenseur", null, "fr", null),
                new CatalogEntry(77, missing, null, "fr", null),
                new CatalogEntry(78, null, null, "fr", null)));

    assertThat(catalog.entries()).extracting(CatalogEntry::id).containsExactly(1, 77, 78);
    assertThat(catalog.find(77)).isEmpty();
    assertThat(catalog.find(78)).isEmpty();
    assertThat(catalog.label(77)).isEqualTo("77");
    assertThat(catalog.label(1)).isEqualTo("Ascenseur");
  }

  /** The nodes at a dotted path; {@code []} steps into each element of a list. */
  private static List<JsonNode> at(JsonNode node, String path) {
    List<JsonNode> nodes = new ArrayList<>(List.of(node));
    for (String step : path.split("\\.")) {
      List<JsonNode> next = new ArrayList<>();
      boolean each = step.endsWith("[]");
      String name = each ? step.substring(0, step.length() - 2) : step;
      for (JsonNode n : nodes) {
        JsonNode child = n.get(name);
        if (child != null && each) {
          child.forEach(next::add);
        } else if (child != null) {
          next.add(child);
        }
      }
      nodes = next;
    }
    return nodes;
  }

  /** What the label of {@code code} must be: the word, or the words of a list of codes. */
  private static JsonNode expected(
      JsonNode snapshot, String catalog, JsonNode code, String culture) {
    if (code.isArray()) {
      var words = Json.mapper().createArrayNode();
      code.forEach(c -> words.add(expected(snapshot, catalog, c, culture)));
      return words;
    }
    JsonNode word = snapshot.path(catalog).path(code.asText()).path(culture);
    assertThat(word.isTextual()).as(catalog + " " + code + " in the snapshot").isTrue();
    return Json.mapper().getNodeFactory().textNode(word.textValue());
  }
}
