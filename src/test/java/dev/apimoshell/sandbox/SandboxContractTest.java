package dev.apimoshell.sandbox;

import static dev.apimoshell.sandbox.SandboxHttp.basic;
import static dev.apimoshell.sandbox.SandboxHttp.get;
import static dev.apimoshell.sandbox.SandboxHttp.getWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shapes, types and status codes of the contract (shared/apimo-api.md), over real HTTP. */
class SandboxContractTest {

  private static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";
  private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
  private static final String TIME = "\\d{2}:\\d{2}:\\d{2}";

  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void baseUrlIsLoopbackWithoutTrailingSlash() {
    assertThat(sandbox.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
  }

  @Test
  void curlExampleOfTheContractReturnsUsersInTheDocumentedShape() {
    SandboxHttp.Reply reply =
        getWith(
            sandbox,
            "/agencies/14/users",
            "Authorization",
            basic(sandbox.provider(), sandbox.token()));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = reply.json();
    assertThat(fieldNames(body)).containsExactly("users", "total_items");
    assertThat(body.get("total_items").isIntegralNumber()).isTrue();
    assertThat(body.get("total_items").asInt()).isEqualTo(40).isEqualTo(body.get("users").size());
    JsonNode user9 = find(body.get("users"), "9");
    assertThat(fieldNames(user9).subList(0, 17))
        .containsExactly(
            "id",
            "agency",
            "active",
            "created_at",
            "updated_at",
            "firstname",
            "lastname",
            "username",
            "password",
            "group",
            "email",
            "phone",
            "mobile",
            "fax",
            "birthday_at",
            "timezone",
            "picture");
    assertThat(fieldNames(user9).subList(17, fieldNames(user9).size()))
        .containsExactly("language", "spoken_languages", "city", "partners", "stories", "rates");
    assertThat(user9.get("id").isTextual()).isTrue();
    assertThat(user9.get("agency").textValue()).isEqualTo("14");
    assertThat(user9.get("active").isBoolean()).isTrue();
    assertThat(user9.get("group").isTextual()).isTrue();
    assertThat(user9.get("password").textValue()).isEqualTo("*********");
    assertThat(user9.get("created_at").textValue()).matches(DATE_TIME);
    assertThat(user9.get("timezone").textValue()).isEqualTo("Europe/Paris");
  }

  @Test
  void usersCoverEveryUserGroupAndIncludeInactiveAndNullPhones() {
    JsonNode users = get(sandbox, "/agencies/14/users").json().get("users");
    List<String> groups = new ArrayList<>();
    users.forEach(u -> groups.add(u.get("group").textValue()));
    JsonNode catalog = get(sandbox, "/catalogs/user_group?culture=en").json();
    catalog.forEach(c -> assertThat(groups).contains(c.get("id").asText()));
    assertThat(users.findValues("active")).anyMatch(a -> !a.booleanValue());
    assertThat(users.findValues("phone")).anyMatch(JsonNode::isNull);
    assertThat(users.findValues("fax")).anyMatch(JsonNode::isNull);
  }

  @Test
  void actionsHaveTheDocumentedShapeAndStringIds() {
    JsonNode body = get(sandbox, "/agencies/14/users/9/actions?limit=50").json();

    assertThat(fieldNames(body)).containsExactly("actions", "total_items");
    assertThat(body.get("total_items").asLong()).isEqualTo(250);
    JsonNode withProperty = null;
    for (JsonNode action : body.get("actions")) {
      assertThat(fieldNames(action)).containsExactlyElementsOf(ACTION_KEYS);
      assertThat(action.get("id").isTextual()).isTrue();
      assertThat(action.get("type").isTextual()).isTrue();
      assertThat(action.get("user").textValue()).isEqualTo("9");
      assertThat(action.get("date").textValue()).matches(DATE);
      assertThat(action.get("time_start").textValue()).matches(TIME);
      assertThat(action.get("created_at").textValue()).matches(DATE_TIME);
      if (action.get("properties").isObject()) {
        withProperty = action.get("properties");
      }
    }
    assertThat(withProperty).isNotNull();
    assertThat(fieldNames(withProperty))
        .containsExactly("id", "report", "price", "currency", "rating", "assessment");
    assertThat(withProperty.get("id").isTextual()).isTrue();
    assertThat(withProperty.get("price").isTextual()).isTrue();
  }

  @Test
  void propertiesSendNumbersAndNestedObjectsAndATimestamp() {
    JsonNode body = get(sandbox, "/agencies/14/properties?limit=20").json();

    assertThat(body.get("timestamp").isIntegralNumber()).isTrue();
    JsonNode property = body.get("properties").get(0);
    assertThat(property.get("id").isIntegralNumber()).isTrue();
    assertThat(property.get("agency").asInt()).isEqualTo(14);
    assertThat(property.get("step").isIntegralNumber()).isTrue();
    assertThat(property.get("city").get("zipcode").textValue()).matches("\\d{5}");
    assertThat(property.get("price").get("value").isNumber()).isTrue();
    assertThat(property.get("area").has("value")).isTrue();
    assertThat(property.get("comments").findValuesAsText("language")).contains("fr");
    assertThat(body.get("properties").findValues("pictures")).anyMatch(p -> p.size() > 0);
  }

  @Test
  void textsExerciseAccentsQuotesNewlinesAndNulls() {
    String text =
        get(sandbox, "/agencies/14/contacts?limit=2000").text()
            + get(sandbox, "/agencies/14/users/9/actions").text();
    assertThat(text).contains("é", "D'Artagnan", "\\\"", "\\n", "\"\"", "null", ", ");
  }

  @Test
  void missingOrWrongCredentialsAre401WithABasicChallenge() {
    for (SandboxHttp.Reply reply :
        List.of(
            getWith(sandbox, "/agencies/14/users"),
            getWith(
                sandbox, "/agencies/14/users", "Authorization", basic(sandbox.provider(), "wrong")),
            getWith(sandbox, "/agencies/14/users", "Authorization", basic("2", sandbox.token())),
            getWith(sandbox, "/catalogs", "Authorization", "Bearer " + sandbox.token()))) {
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Apimo\"");
      assertThat(reply.json().get("error").textValue()).isNotBlank();
    }
  }

  @Test
  void unlinkedAgencyIs403UnknownAgencyOrUserIs404() {
    assertThat(get(sandbox, "/agencies/99/users").status()).isEqualTo(403);
    assertThat(get(sandbox, "/agencies/99/properties").json().get("error").textValue())
        .contains("99");
    assertThat(get(sandbox, "/agencies/98/users").status()).isEqualTo(404);
    assertThat(get(sandbox, "/agencies/abc/contacts").status()).isEqualTo(404);
    assertThat(get(sandbox, "/agencies/14/users/999/actions").status()).isEqualTo(404);
    assertThat(get(sandbox, "/agencies/14/users/2101/actions").status()).isEqualTo(404);
    assertThat(get(sandbox, "/agencies/21/users/2101/actions?limit=1").status()).isEqualTo(200);
    assertThat(get(sandbox, "/agencies/14/nothing").status()).isEqualTo(404);
    assertThat(get(sandbox, "/agencies").json().get("agencies").findValuesAsText("id"))
        .doesNotContain("99")
        .contains("14");
  }

  @Test
  void offsetPastTheEndGivesAnEmptyPageWithTheTotal() {
    JsonNode body = get(sandbox, "/agencies/14/users?offset=100&limit=10").json();
    assertThat(body.get("users")).isEmpty();
    assertThat(body.get("total_items").asInt()).isEqualTo(40);
    JsonNode actions = get(sandbox, "/agencies/14/users/9/actions?offset=250").json();
    assertThat(actions.get("actions")).isEmpty();
    assertThat(actions.get("total_items").asInt()).isEqualTo(250);
  }

  @Test
  void malformedPagingOrFiltersAre400() {
    assertThat(get(sandbox, "/agencies/14/users?limit=ten").status()).isEqualTo(400);
    assertThat(get(sandbox, "/agencies/14/users?offset=-1").status()).isEqualTo(400);
    assertThat(get(sandbox, "/agencies/14/properties?timestamp=yesterday").status()).isEqualTo(400);
  }

  @Test
  void gzipIsUsedWhenAskedAndDecodesToTheSameBody() throws Exception {
    SandboxHttp.Reply plain = get(sandbox, "/agencies/14/users");
    SandboxHttp.Reply zipped =
        getWith(
            sandbox,
            "/agencies/14/users",
            "Authorization",
            basic(sandbox.provider(), sandbox.token()),
            "Accept-Encoding",
            "gzip");

    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.body().length).isLessThan(plain.body().length);
    try (var in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.body());
    }
  }

  @Test
  void catalogsAreServedInFrenchAndEnglish() {
    JsonNode index = get(sandbox, "/catalogs").json();
    assertThat(index.isArray()).isTrue();
    assertThat(index.findValuesAsText("name"))
        .contains("user_group", "property_type", "action_type", "action_method");
    assertThat(fieldNames(index.get(0))).containsExactly("name", "path", "private");

    JsonNode fr = get(sandbox, "/catalogs/user_group?culture=fr").json();
    JsonNode en = get(sandbox, "/catalogs/user_group?culture=en").json();
    assertThat(fr.isArray()).isTrue();
    assertThat(fieldNames(fr.get(0))).containsExactly("id", "name", "culture");
    assertThat(fr.get(0).get("name").textValue()).isEqualTo("Administrateur");
    assertThat(fr.get(0).get("culture").textValue()).isEqualTo("fr");
    assertThat(en.get(0).get("name").textValue()).isEqualTo("Administrator");
    assertThat(en.size()).isEqualTo(fr.size()).isEqualTo(10);
    assertThat(get(sandbox, "/catalogs/action_type?culture=en").json().findValuesAsText("name"))
        .startsWith("Call", "E-mail", "Visit");
    assertThat(get(sandbox, "/catalogs/property_type?culture=fr").json().findValuesAsText("name"))
        .contains("Appartement");
    assertThat(get(sandbox, "/catalogs/nope?culture=fr").status()).isEqualTo(404);
    assertThat(get(sandbox, "/catalogs/user_group?culture=de").status()).isEqualTo(200);
    assertThat(get(sandbox, "/catalogs/user_group?culture=klingon").status()).isEqualTo(400);
  }

  @Test
  void requestCountCountsEveryRequest() {
    long before = sandbox.requestCount();
    get(sandbox, "/catalogs");
    getWith(sandbox, "/catalogs");
    assertThat(sandbox.requestCount()).isEqualTo(before + 2);
  }

  /** The keys of an action, in the order of the contract's example. */
  static final List<String> ACTION_KEYS =
      List.of(
          "id",
          "type",
          "user",
          "contact",
          "date",
          "time_start",
          "time_end",
          "subject",
          "content",
          "properties",
          "referral",
          "subreferral",
          "created_at",
          "updated_at");

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode find(JsonNode records, String id) {
    for (JsonNode record : records) {
      if (record.get("id").asText().equals(id)) {
        return record;
      }
    }
    throw new AssertionError("no record with id " + id);
  }
}
