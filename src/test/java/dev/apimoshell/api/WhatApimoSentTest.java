package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.export.ExportOptions;
import dev.apimoshell.internal.export.Columns;
import dev.apimoshell.internal.export.Exporter;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.model.Action;
import dev.apimoshell.model.Agency;
import dev.apimoshell.model.ApimoRecord;
import dev.apimoshell.model.CatalogEntry;
import dev.apimoshell.model.Contact;
import dev.apimoshell.model.Contract;
import dev.apimoshell.model.Lead;
import dev.apimoshell.model.Property;
import dev.apimoshell.model.Request;
import dev.apimoshell.model.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record type, read through the client from a server sending Apimo's documented examples (the
 * user id 9 with {@code "phone": null, "fax": null}, the action with {@code "referral": null} and
 * {@code properties.report/rating/assessment} null) and records full of explicit {@code null},
 * {@code ""}, {@code []}, {@code {}} and ids as strings or numbers, keeps what was sent: {@code
 * toJson()} is the sent object (but {@code password}) whatever the key order, JSON and NDJSON
 * exports hold it exactly, and the CSV has every documented column of the type and every key sent.
 */
class WhatApimoSentTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  /** Apimo's documentation, verbatim (shared contract, "GET /agencies/{id}/users"). */
  static final String DOCUMENTED_USERS =
      "{\"users\":[{\"id\":\"9\",\"agency\":\"14\",\"active\":true,\"created_at\":\"2008-02-05"
          + " 17:53:03\",\"updated_at\":\"2016-04-15 23:07:33\",\"firstname\":\"Marc\","
          + "\"lastname\":\"WYLER\",\"username\":\"mylogin\",\"password\":\"*********\","
          + "\"group\":\"2\",\"email\":\"NO-SPAM@swissmedimmo.com\",\"phone\":null,"
          + "\"mobile\":\"+33620000000\",\"fax\":null,\"birthday_at\":\"1965-01-01\","
          + "\"timezone\":\"Europe\\/Paris\",\"picture\":\"https:\\/\\/api.apimo.pro\\/uploads"
          + "\\/user\\/9\\/picture_200.jpg\"}],\"total_items\":1}";

  /** Apimo's documentation, verbatim (shared contract, ".../users/{id}/actions"). */
  static final String DOCUMENTED_ACTIONS =
      "{\"actions\":[{\"id\":\"19344999\",\"type\":\"2\",\"user\":\"1234\",\"contact\":\"8520201\","
          + "\"date\":\"2018-09-11\",\"time_start\":\"14:43:20\",\"time_end\":\"15:43:00\","
          + "\"subject\":\"More details on a new property\",\"content\":\"Hello, \\u2026\","
          + "\"properties\":{\"id\":\"233030\",\"report\":null,\"price\":\"2600000\","
          + "\"currency\":\"EUR\",\"rating\":null,\"assessment\":null},\"referral\":null,"
          + "\"subreferral\":null,\"created_at\":\"2018-09-11 14:43:20\",\"updated_at\":"
          + "\"2018-09-11 14:43:20\"}],\"total_items\":1}";

  static final String AGENCIES =
      "{\"agencies\":[{\"id\":14,\"reference\":\"\",\"active\":true,\"name\":\"Agence du Port\","
          + "\"company\":{\"id\":\"3\",\"name\":\"SARL Port\"},\"brand\":null,\"networks\":[],"
          + "\"address\":\"1 quai\",\"address_more\":null,\"city\":{\"id\":22,\"name\":\"Nice\","
          + "\"zipcode\":\"06000\"},\"latitude\":43.70,\"longitude\":\"7.26\",\"email\":\"\","
          + "\"phone\":null,\"fax\":null,\"picture\":null,\"users\":[\"9\",\"10\"],"
          + "\"providers\":[],\"parameters\":[],\"subscription\":null,\"timetable\":\"\",\"settings\":{}}],"
          + "\"total_items\":1}";

  static final String PROPERTIES =
      "{\"properties\":[{\"id\":86379445,\"reference\":\"VI7\",\"agency\":\"14\",\"brand\":null,"
          + "\"user\":{\"id\":9,\"agency\":\"14\",\"active\":true,\"firstname\":\"Marc\","
          + "\"email\":\"\",\"mobile\":null},\"step\":1,\"status\":null,\"type\":\"4\","
          + "\"name\":\"\",\"agreement\":{\"type\":2,\"reference\":null},\"residence\":[],"
          + "\"plot\":[],\"region\":{},\"city\":{\"id\":22,\"name\":\"Nice\"},\"latitude\":43.566,"
          + "\"area\":{\"unit\":1,\"value\":80.50},\"heating\":{\"device\":7,\"devices\":[]},"
          + "\"price\":{\"value\":\"2600000\",\"hide\":\"0\",\"currency\":\"EUR\"},"
          + "\"areas\":[{\"type\":1,\"area\":12.5,\"lot\":[]}],\"services\":[1,4],\"tags\":[],"
          + "\"pictures\":[],\"owner\":null,\"visit\":null,\"filling_rate\":null,"
          + "\"private_comment\":\"\",\"available_at\":\"0000-00-00\",\"logs\":null,"
          + "\"created_at\":\"2024-01-02 10:00:00\",\"brand_new\":null}],\"total_items\":1}";

  static final String CONTACTS =
      "{\"contacts\":[{\"id\":\"501\",\"category\":\"1\",\"title\":null,\"lastname\":\"Roux\","
          + "\"firstname\":\"\",\"email\":null,\"phone\":\"\",\"city\":null,\"tags\":[],"
          + "\"birthday_at\":\"0000-00-00\",\"spouse_firstname\":null}],\"total_items\":1}";

  static final String REQUESTS =
      "{\"requests\":[{\"id\":77,\"contact\":\"501\",\"user\":null,\"step\":1,\"types\":[],"
          + "\"cities\":[{\"id\":22,\"name\":\"Nice\"}],\"price\":{\"min\":null,\"max\":300000},"
          + "\"area\":[],\"rooms\":\"\",\"comment\":null}],\"total_items\":1}";

  static final String CONTRACTS =
      "{\"contracts\":[{\"id\":\"31\",\"step\":\"1\",\"price_net\":\"250000.00\","
          + "\"commission_agency\":null,\"contract_at\":\"2024-03-01\",\"entries\":[],"
          + "\"property\":86379445,\"contacts\":[\"501\",502],\"created_at\":null}],"
          + "\"total_items\":1}";

  static final String LEADS =
      "{\"leads\":[{\"id\":950000000001,\"reference\":null,\"date\":\"2024-05-01 09:00:00\","
          + "\"step\":\"5\",\"type\":1,\"language\":\"\",\"lastname\":\"Martin\",\"firstname\":null,"
          + "\"email\":\"a@b.fr\",\"phone\":null,\"message\":\"\",\"property\":null,"
          + "\"property_reference\":\"VI7\"}],\"total_items\":1}";

  static final String LEAD_STEPS =
      "[{\"id\":1,\"name\":\"New\",\"culture\":\"en\"},{\"id\":2,\"name\":\"Read\",\"culture\":\"en\"},"
          + "{\"id\":3,\"name\":\"Answered\",\"culture\":\"en\"},{\"id\":4,\"name\":\"Closed\","
          + "\"culture\":\"en\"},{\"id\":5,\"name\":\"\",\"culture\":\"en\"}]";

  @TempDir Path dir;
  private ApimoClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(wm.baseUrl());
    Map<String, String> bodies =
        Map.of(
            "/agencies/14/users", DOCUMENTED_USERS,
            "/agencies/14/users/9/actions", DOCUMENTED_ACTIONS,
            "/agencies", AGENCIES,
            "/agencies/14/properties", PROPERTIES,
            "/agencies/14/contacts", CONTACTS,
            "/agencies/14/requests", REQUESTS,
            "/agencies/14/contracts", CONTRACTS,
            "/agencies/14/leads", LEADS,
            "/catalogs/lead_step", LEAD_STEPS);
    bodies.forEach((path, body) -> wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(body))));
  }

  @Test
  void theDocumentedUserKeepsPhoneAndFaxAsNull() throws Exception {
    List<User> users = client.agency(14).users().list();
    assertKeepsWhatWasSent(DOCUMENTED_USERS, "users", users, User.class);
    assertThat(Json.mapper().readTree(users.get(0).toJson()).get("phone").isNull()).isTrue();
    assertThat(users.get(0).toJson()).contains("\"id\" : \"9\"").doesNotContain("*********");
    assertThat(users.get(0).sent().text())
        .contains("\"phone\":null", "\"fax\":null")
        .doesNotContain("password", "*********");
    assertThat(users.get(0).sent().toString()).doesNotContain("*********");
  }

  @Test
  void theDocumentedActionKeepsItsNullReferralsAndNotes() throws Exception {
    List<Action> actions = client.agency(14).user(9).actions().list();
    assertKeepsWhatWasSent(DOCUMENTED_ACTIONS, "actions", actions, Action.class);
    JsonNode written = Json.mapper().readTree(actions.get(0).toJson());
    for (String key : List.of("referral", "subreferral")) {
      assertThat(written.get(key).isNull()).as(key).isTrue();
    }
    for (String key : List.of("report", "rating", "assessment")) {
      assertThat(written.get("properties").get(key).isNull()).as(key).isTrue();
    }
  }

  @Test
  void everyOtherRecordTypeKeepsWhatWasSent() throws Exception {
    assertKeepsWhatWasSent(AGENCIES, "agencies", client.agencies().list(), Agency.class);
    assertKeepsWhatWasSent(
        PROPERTIES, "properties", client.agency(14).properties().list(), Property.class);
    assertKeepsWhatWasSent(
        CONTACTS, "contacts", client.agency(14).contacts().list(), Contact.class);
    assertKeepsWhatWasSent(
        REQUESTS, "requests", client.agency(14).requests().list(), Request.class);
    assertKeepsWhatWasSent(
        CONTRACTS, "contracts", client.agency(14).contracts().list(), Contract.class);
    assertKeepsWhatWasSent(LEADS, "leads", client.agency(14).leads().list(), Lead.class);
  }

  @Test
  void aCodeSentAsNullHasANullWordNotTheWordNull() throws Exception {
    Property property = client.agency(14).properties().list().get(0);
    Path json = dir.resolve("labelled.json");
    Exporter.export(Stream.of(property), json, ExportOptions.LABELS);
    JsonNode written = Json.mapper().readTree(json.toFile()).get(0);
    assertThat(written.get("status").isNull()).isTrue();
    assertThat(written.get("status_label").isNull()).isTrue();
    assertThat(written.get("type").asText()).isEqualTo("4");
    assertThat(written.toString()).doesNotContain("\"null\"");
  }

  @Test
  void aUserExportHasPhoneAndFaxColumnsEvenWhenNoUserHasOne() throws Exception {
    Path csv = dir.resolve("users.csv");
    Exporter.export(client.agency(14).users().stream(), csv, ExportOptions.defaults());
    assertThat(csv(csv).get(0)).contains("phone", "fax").doesNotContain("password");
  }

  @Test
  void aCatalogCodeWithAnEmptyNameIsKept() {
    var steps = client.catalog("lead_step");
    assertThat(steps.entries()).extracting(CatalogEntry::id).containsExactly(1, 2, 3, 4, 5);
    assertThat(steps.label(5)).isEqualTo("5");
    assertThat(steps.label(1)).isEqualTo("New");
  }

  private <T extends ApimoRecord> void assertKeepsWhatWasSent(
      String body, String listKey, List<T> records, Class<T> type) throws Exception {
    JsonNode page = Json.mapper().readTree(body).get(listKey);
    List<ObjectNode> sent = new ArrayList<>();
    page.forEach(
        record -> {
          ObjectNode copy = ((ObjectNode) record).deepCopy();
          copy.remove("password");
          sent.add(copy);
        });
    assertThat(records).hasSameSizeAs(sent);
    for (int i = 0; i < sent.size(); i++) {
      assertThat(Json.mapper().readTree(records.get(i).toJson()))
          .as("%s toJson() %d", listKey, i)
          .isEqualTo(sent.get(i));
    }

    Path json = dir.resolve(listKey + ".json");
    Path ndjson = dir.resolve(listKey + ".ndjson");
    Path csv = dir.resolve(listKey + ".csv");
    Exporter.export(records.stream(), json, ExportOptions.defaults());
    Exporter.export(records.stream(), ndjson, ExportOptions.defaults());
    Exporter.export(records.stream(), csv, ExportOptions.defaults());

    JsonNode array = Json.mapper().readTree(json.toFile());
    List<String> lines = Files.readAllLines(ndjson);
    List<List<String>> table = csv(csv);
    List<String> header = table.get(0);
    assertThat(header)
        .as("%s: every documented column, then the others", listKey)
        .startsWith(Columns.shape(type, false).toArray(String[]::new))
        .doesNotHaveDuplicates();
    for (int i = 0; i < sent.size(); i++) {
      assertThat(array.get(i)).as("%s JSON %d", listKey, i).isEqualTo(sent.get(i));
      assertThat(Json.mapper().readTree(lines.get(i)))
          .as("%s NDJSON %d", listKey, i)
          .isEqualTo(sent.get(i));
      List<String> row = table.get(i + 1);
      Map<String, String> cells = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        cells.put(header.get(c), c < row.size() ? row.get(c) : "");
      }
      Map<String, String> expected = new LinkedHashMap<>();
      leaves("", sent.get(i), expected, header::contains);
      assertThat(cells).as("%s CSV %d", listKey, i).containsAllEntriesOf(expected);
    }
  }

  /**
   * The cells a sent object should give: nested objects dotted, {@code null} and {@code ""} as an
   * empty cell, lists and other values as their JSON text; an empty or PHP-empty ({@code []})
   * object where the type has fields shows in those fields, not as a column of its own.
   */
  private static void leaves(
      String prefix, JsonNode object, Map<String, String> into, Function<String, Boolean> column) {
    object
        .properties()
        .forEach(
            field -> {
              String name = prefix + field.getKey();
              JsonNode value = field.getValue();
              boolean emptyParent =
                  (value.isNull() || value.isContainerNode() && value.isEmpty())
                      && !column.apply(name);
              if (value.isObject() && !value.isEmpty()) {
                leaves(name + ".", value, into, column);
              } else if (!emptyParent) {
                into.put(
                    name, value.isNull() ? "" : value.isTextual() ? value.asText() : text(value));
              }
            });
  }

  private static String text(JsonNode value) {
    return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.toString();
  }

  private static List<List<String>> csv(Path file) throws Exception {
    var mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    List<List<String>> rows = new ArrayList<>();
    try (var it = mapper.readerFor(String[].class).readValues(file.toFile())) {
      while (it.hasNext()) {
        rows.add(List.of((String[]) it.next()));
      }
    }
    return rows;
  }
}
