package dev.apimoshell.sandbox;

import static dev.apimoshell.sandbox.SandboxHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every record the sandbox serves has exactly the fields of the tables in {@code
 * docs/apimo-contract.md}, each with the JSON shape its row says: the document is read, not copied
 * here, so it cannot drift from what the sandbox sends.
 */
class SandboxContractDocTest {

  private static final Path DOC = Path.of("docs", "apimo-contract.md");
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|(.*)$");

  private static Sandbox sandbox;
  private static Map<String, List<List<String>>> sections;

  @BeforeAll
  static void start() throws IOException {
    sandbox = Sandbox.start();
    sections = tables(Files.readAllLines(DOC));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void everyPropertyOfEveryAgencyHasTheDocumentedShape() {
    Map<String, String> shapes = shapes("## Property", 1);
    Map<String, String> embedded = prefixed("user.", shapes("## User", 2));
    int checked = 0;
    for (JsonNode agency : get(sandbox, "/agencies").json().get("agencies")) {
      JsonNode page =
          get(sandbox, "/agencies/" + agency.get("id").textValue() + "/properties?limit=1000")
              .json();
      assertThat(page.get("timestamp").isNumber()).isTrue();
      assertThat(page.get("processing_time").isNumber()).isTrue();
      for (JsonNode property : page.get("properties")) {
        Map<String, String> all = new LinkedHashMap<>(shapes);
        all.putAll(embedded);
        assertMatches(property, all, "property " + property.get("id"));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(1230);
  }

  @Test
  void everyListedUserAndEveryAgencysUsersHaveTheDocumentedShape() {
    Map<String, String> listed = shapes("## User", 1);
    JsonNode envelope = get(sandbox, "/agencies").json();
    assertThat(envelope.get("timestamp").isNumber()).isTrue();
    Map<String, String> agencyShapes = shapes("## Agency", 1);
    for (JsonNode agency : envelope.get("agencies")) {
      String id = agency.get("id").textValue();
      Map<String, String> withUsers = new LinkedHashMap<>(agencyShapes);
      withUsers.putAll(prefixed("users[].", listed));
      assertMatches(agency, withUsers, "agency " + id);
      JsonNode users = get(sandbox, "/agencies/" + id + "/users").json().get("users");
      assertThat(agency.get("users")).isEqualTo(users);
      for (JsonNode user : users) {
        assertMatches(user, listed, "user " + user.get("id"));
      }
    }
  }

  @Test
  void theCatalogListAndEveryCatalogInSeveralCulturesHaveTheDocumentedShape() {
    List<List<String>> catalogTables = sections.get("## Catalogs");
    Map<String, String> info = columns(catalogTables.subList(0, 3), 1);
    Map<String, String> entry = columns(catalogTables.subList(3, 7), 1);
    for (JsonNode catalog : get(sandbox, "/catalogs").json()) {
      assertMatches(catalog, info, "catalog list entry " + catalog.get("name"));
      for (String culture : List.of("fr", "en_GB", "de")) {
        for (JsonNode e :
            get(sandbox, "/catalogs/" + catalog.get("name").textValue() + "?culture=" + culture)
                .json()) {
          assertMatches(e, entry, catalog.get("name") + " " + e.get("id"));
        }
      }
    }
  }

  @Test
  void theShapeWordsOfTheDocumentMeanWhatTheTestChecks() {
    assertThat(accepts("number or null", nodeOf("null"))).isTrue();
    assertThat(accepts("number", nodeOf("null"))).isFalse();
    assertThat(accepts("number", nodeOf("\"12\""))).isFalse();
    assertThat(accepts("numeric text", nodeOf("\"43.55\""))).isTrue();
    assertThat(accepts("e-mail", nodeOf("\"\""))).isFalse();
    assertThat(accepts("object", nodeOf("[]"))).isFalse();
    assertThat(accepts("URL", nodeOf("\"/catalogs/x\""))).isFalse();
    assertThat(accepts("path", nodeOf("\"/14/providers\""))).isTrue();
    assertThat(accepts("date", nodeOf("\"2024-01-02 10:00:00\""))).isFalse();
  }

  /** The record has every field of the table and no other, each of the shape its row says. */
  private static void assertMatches(JsonNode record, Map<String, String> shapes, String where) {
    Map<String, List<JsonNode>> found = new LinkedHashMap<>();
    collect(record, "", found);
    Set<String> undocumented = new LinkedHashSet<>(found.keySet());
    undocumented.removeAll(shapes.keySet());
    assertThat(undocumented).as("fields of %s missing from the document", where).isEmpty();
    for (Map.Entry<String, String> row : shapes.entrySet()) {
      String path = row.getKey();
      if (!parentPresent(found, path)) {
        continue; // inside a null object or an empty list
      }
      List<JsonNode> values = found.get(path);
      if (values == null) {
        assertThat(row.getValue()).as("%s lacks %s", where, path).contains("absent");
        continue;
      }
      for (JsonNode value : values) {
        assertThat(accepts(row.getValue(), value))
            .as("%s: %s is %s, the document says %s", where, path, value, row.getValue())
            .isTrue();
      }
    }
  }

  /** Every field at every depth, keyed by its path ({@code areas[].lot.name}). */
  private static void collect(JsonNode node, String prefix, Map<String, List<JsonNode>> found) {
    node.fields()
        .forEachRemaining(
            field -> {
              String path = prefix + field.getKey();
              JsonNode value = field.getValue();
              found.computeIfAbsent(path, k -> new ArrayList<>()).add(value);
              if (value.isObject()) {
                collect(value, path + ".", found);
              } else if (value.isArray()) {
                for (JsonNode element : value) {
                  if (element.isObject()) {
                    collect(element, path + "[].", found);
                  }
                }
              }
            });
  }

  /** Whether some object holding this path's field was sent (top-level fields: always). */
  private static boolean parentPresent(Map<String, List<JsonNode>> found, String path) {
    int dot = path.lastIndexOf('.');
    if (dot < 0) {
      return true;
    }
    String parent = path.substring(0, dot);
    boolean each = parent.endsWith("[]");
    List<JsonNode> values = found.get(each ? parent.substring(0, parent.length() - 2) : parent);
    if (values == null) {
      return false;
    }
    return values.stream().anyMatch(v -> each ? v.isArray() && v.size() > 0 : v.isObject());
  }

  static boolean accepts(String shape, JsonNode value) {
    for (String kind : shape.split(" or ")) {
      boolean ok =
          switch (kind.strip()) {
            case "number" -> value.isNumber();
            case "numeric text" ->
                value.isTextual() && value.textValue().matches("-?\\d+(\\.\\d+)?");
            case "text" -> value.isTextual();
            case "e-mail" ->
                value.isTextual() && value.textValue().matches("[^@\\s]+@[^@\\s]+\\.[a-z]+");
            case "URL" -> value.isTextual() && value.textValue().matches("https?://\\S+");
            case "path" -> value.isTextual() && value.textValue().startsWith("/");
            case "date" -> value.isTextual() && value.textValue().matches("\\d{4}-\\d{2}-\\d{2}");
            case "date-time" ->
                value.isTextual()
                    && value.textValue().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "list" -> value.isArray();
            case "null" -> value.isNull();
            case "absent" -> false;
            default -> throw new IllegalArgumentException("unknown shape word: " + kind);
          };
      if (ok) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> shapes(String heading, int column) {
    List<List<String>> rows = sections.get(heading);
    assertThat(rows).as("table under %s in %s", heading, DOC).isNotEmpty();
    return columns(rows, column);
  }

  private static Map<String, String> columns(List<List<String>> rows, int column) {
    Map<String, String> shapes = new LinkedHashMap<>();
    for (List<String> row : rows) {
      shapes.put(row.get(0), row.get(column));
    }
    return shapes;
  }

  /** The rows of a table for the records nested at {@code prefix} ({@code user.}). */
  private static Map<String, String> prefixed(String prefix, Map<String, String> shapes) {
    Map<String, String> out = new LinkedHashMap<>();
    shapes.forEach((path, shape) -> out.put(prefix + path, shape));
    return out;
  }

  /** The rows ({@code field, shape...}) of the tables under each {@code ##} heading. */
  private static Map<String, List<List<String>>> tables(List<String> lines) {
    Map<String, List<List<String>>> tables = new LinkedHashMap<>();
    String heading = null;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        heading = line.replaceAll(" \\(.*", "");
        tables.put(heading, new ArrayList<>());
      }
      var m = ROW.matcher(line);
      if (heading != null && m.matches()) {
        List<String> row = new ArrayList<>();
        row.add(m.group(1));
        for (String cell : m.group(2).split(" \\| ")) {
          row.add(cell.replaceAll("\\|\\s*$", "").strip());
        }
        tables.get(heading).add(row);
      }
    }
    return tables;
  }

  private static JsonNode nodeOf(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
