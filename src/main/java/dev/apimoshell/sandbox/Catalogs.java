package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Apimo's catalogs (code to French and English label), served from a real snapshot ({@code
 * apimo-catalogs.json}) plus two catalogs the snapshot lacks and the sandbox defines: {@code
 * action_type} and {@code action_method}. Generated codes are drawn from here, so every code a
 * client sees has a label.
 */
final class Catalogs {

  static final String ACTION_TYPE = "action_type";
  static final String ACTION_METHOD = "action_method";

  /** A catalog entry: its code and its label per language, null where Apimo has no translation. */
  record Entry(int id, String fr, String en) {
    String label(String language) {
      return "fr".equals(language) ? fr : en;
    }

    boolean labelledInBoth() {
      return fr != null && en != null;
    }
  }

  private final Map<String, Map<Integer, Entry>> catalogs;
  private final Map<String, int[]> labelledCodes = new HashMap<>();

  private Catalogs(Map<String, Map<Integer, Entry>> catalogs) {
    this.catalogs = catalogs;
    catalogs.forEach(
        (name, entries) ->
            labelledCodes.put(
                name,
                entries.values().stream()
                    .filter(Entry::labelledInBoth)
                    .mapToInt(Entry::id)
                    .toArray()));
  }

  static Catalogs load() {
    try (InputStream in = Catalogs.class.getResourceAsStream("apimo-catalogs.json")) {
      if (in == null) {
        throw new IllegalStateException("apimo-catalogs.json missing from the class path");
      }
      Map<String, Map<Integer, Entry>> all = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> names = Json.MAPPER.readTree(in).fields();
      while (names.hasNext()) {
        Map.Entry<String, JsonNode> catalog = names.next();
        Map<Integer, Entry> entries = new TreeMap<>();
        catalog
            .getValue()
            .fields()
            .forEachRemaining(
                e -> {
                  int id = Integer.parseInt(e.getKey());
                  entries.put(
                      id,
                      new Entry(
                          id,
                          e.getValue().path("fr").textValue(),
                          e.getValue().path("en").textValue()));
                });
        all.put(catalog.getKey(), Collections.unmodifiableMap(entries));
      }
      all.put(
          ACTION_TYPE,
          sandboxDefined(
              "Appel",
              "Call",
              "E-mail",
              "E-mail",
              "Visite",
              "Visit",
              "Rendez-vous",
              "Meeting",
              "Note",
              "Note",
              "SMS",
              "Text message",
              "Courrier",
              "Letter"));
      all.put(
          ACTION_METHOD,
          sandboxDefined(
              "Téléphone",
              "Phone",
              "E-mail",
              "E-mail",
              "En personne",
              "In person",
              "Courrier",
              "Mail",
              "SMS",
              "Text message",
              "Site internet",
              "Website"));
      return new Catalogs(Collections.unmodifiableMap(all));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Labels given as fr, en pairs; codes 1, 2, 3, ... in that order. */
  private static Map<Integer, Entry> sandboxDefined(String... frEnPairs) {
    Map<Integer, Entry> entries = new LinkedHashMap<>();
    for (int i = 0; i < frEnPairs.length; i += 2) {
      int id = i / 2 + 1;
      entries.put(id, new Entry(id, frEnPairs[i], frEnPairs[i + 1]));
    }
    return Collections.unmodifiableMap(entries);
  }

  /**
   * The codes of a catalog labelled in both languages, ascending: generators draw from these, so a
   * client can label every generated code in either culture.
   */
  int[] codes(String name) {
    int[] codes = labelledCodes.get(name);
    if (codes == null) {
      throw new IllegalArgumentException("no catalog " + name);
    }
    return codes;
  }

  /**
   * The language of a {@code culture} parameter: Apimo takes {@code fr}/{@code en} and {@code
   * fr_FR}/{@code en_GB}.
   *
   * @throws HttpError 400 for any other culture
   */
  static String language(String culture) {
    return switch (culture) {
      case "fr", "fr_FR" -> "fr";
      case "en", "en_GB" -> "en";
      default -> throw HttpError.badRequest("culture must be fr, en, fr_FR or en_GB: " + culture);
    };
  }

  /** {@code GET /catalogs}: a bare array of {name, path, private}. */
  void writeIndex(JsonGenerator g) throws IOException {
    g.writeStartArray();
    for (String name : catalogs.keySet()) {
      g.writeStartObject();
      g.writeStringField("name", name);
      g.writeStringField("path", "/catalogs/" + name);
      g.writeBooleanField("private", false);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * {@code GET /catalogs/{name}?culture=..}: a bare array of {id, name, culture}. As Apimo does, a
   * code with no translation in that culture is left out, and entries echo the culture asked.
   */
  void writeCatalog(JsonGenerator g, String name, String culture) throws IOException {
    Map<Integer, Entry> entries = catalogs.get(name);
    if (entries == null) {
      throw HttpError.notFound("unknown catalog " + name);
    }
    String language = language(culture);
    g.writeStartArray();
    for (Entry entry : entries.values()) {
      String label = entry.label(language);
      if (label == null) {
        continue;
      }
      g.writeStartObject();
      g.writeNumberField("id", entry.id());
      g.writeStringField("name", label);
      g.writeStringField("culture", culture);
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
