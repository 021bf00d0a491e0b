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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apimo's catalogs (code to French and English label), served from a real snapshot ({@code
 * apimo-catalogs.json}) plus two catalogs the snapshot lacks and the sandbox defines: {@code
 * action_type} and {@code action_method}. Generated codes are drawn from here, so every code a
 * client sees has a label.
 */
final class Catalogs {

  static final String ACTION_TYPE = "action_type";
  static final String ACTION_METHOD = "action_method";

  /**
   * Every language Apimo takes as {@code culture}: the 18 two-letter codes of the public apimo.js
   * client ({@code API_LANGUAGES}). Each is also taken with a region, as in {@code fr_FR} or {@code
   * en_GB}.
   */
  static final List<String> LANGUAGES =
      List.of(
          "fr", "it", "de", "es", "en", "nl", "zh", "ru", "sv", "ar", "he", "nb", "pt", "fa", "lb",
          "km", "tr", "lo");

  private static final Pattern CULTURE = Pattern.compile("([a-z]{2})(?:_[A-Z]{2})?");

  /**
   * A catalog entry: its code, its label per language (null where Apimo has no translation) and,
   * where the catalog names things one counts, its plural ({@code name_plurial}).
   */
  record Entry(int id, String fr, String en, String frPlural, String enPlural) {
    Entry(int id, String fr, String en) {
      this(id, fr, en, null, null);
    }

    String label(String language) {
      return "fr".equals(language) ? fr : en;
    }

    String plural(String language) {
      return "fr".equals(language) ? frPlural : enPlural;
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
      JsonNode plurals = resource("catalog-plurals.json");
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
                  JsonNode plural = plurals.path(catalog.getKey()).path(e.getKey());
                  entries.put(
                      id,
                      new Entry(
                          id,
                          e.getValue().path("fr").textValue(),
                          e.getValue().path("en").textValue(),
                          plural.path("fr").textValue(),
                          plural.path("en").textValue()));
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

  /** The plural labels the sandbox adds, {@code {catalog: {code: {fr, en}}}}. */
  private static JsonNode resource(String name) throws IOException {
    try (InputStream in = Catalogs.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " missing from the class path");
      }
      return Json.MAPPER.readTree(in);
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
   * The labels served for a {@code culture} parameter: French for {@code fr} (and {@code fr_FR}),
   * English for every other language Apimo takes, since the sandbox has French and English labels
   * only; the entries still echo the culture as asked.
   *
   * @throws HttpError 400 for a culture that is none of {@link #LANGUAGES}, with or without region
   */
  static String language(String culture) {
    Matcher m = CULTURE.matcher(culture);
    if (!m.matches() || !LANGUAGES.contains(m.group(1))) {
      throw HttpError.badRequest(
          "culture must be one of "
              + String.join(", ", LANGUAGES)
              + " (a region may follow, as in fr_FR or en_GB): "
              + culture);
    }
    return m.group(1).equals("fr") ? "fr" : "en";
  }

  /**
   * {@code GET /catalogs}: a bare array of {name, path, private}, {@code path} the absolute URL of
   * the catalog under {@code baseUrl} (the address the request came to), as Apimo sends it.
   */
  void writeIndex(JsonGenerator g, String baseUrl) throws IOException {
    g.writeStartArray();
    for (String name : catalogs.keySet()) {
      g.writeStartObject();
      g.writeStringField("name", name);
      g.writeStringField("path", catalogUrl(baseUrl, name));
      g.writeBooleanField("private", false);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** {@code http://127.0.0.1:8080/catalogs/user_group} for {@code http://127.0.0.1:8080}. */
  static String catalogUrl(String baseUrl, String name) {
    return baseUrl.replaceAll("/+$", "") + "/catalogs/" + name;
  }

  /**
   * {@code GET /catalogs/{name}?culture=..}: a bare array of {id, name, name_plurial?, culture}. As
   * Apimo does, a code with no translation in that culture is left out, and entries echo the
   * culture asked.
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
      String plural = entry.plural(language);
      if (plural != null) {
        g.writeStringField("name_plurial", plural);
      }
      g.writeStringField("culture", culture);
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
