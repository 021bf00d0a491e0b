package dev.apimoshell.sandbox;

import static dev.apimoshell.sandbox.SandboxHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every record type carries every field of the contract's "Full record shapes"
 * (shared/apimo-api.md) with Apimo's JSON types, and every code it sends has a label in both
 * cultures.
 *
 * <p>A shape is a list of {@code path:kind}; a path steps into objects with {@code .} and into the
 * objects of a list with {@code []}. Kinds: {@code n} JSON number, {@code t} numeric text, {@code
 * s} text, {@code b} boolean, {@code d} date or date-time text, {@code l} list, {@code o} object
 * (or {@code []}, Apimo's empty object), {@code *} anything; {@code kind->catalog} is a code (or a
 * list of codes) from that catalog. Any value may be null, as the contract says.
 */
class SandboxShapeTest {

  private static final List<String> PROPERTY =
      List.of(
          "id:n",
          "reference:*",
          "agency:n",
          "brand:*",
          "sector:*",
          "user:o",
          "step:n->property_step",
          "status:n->property_status",
          "parent:n",
          "ranking:*",
          "group:n",
          "quality:n",
          "category:n->property_category",
          "subcategory:n->property_subcategory",
          "type:n->property_type",
          "subtype:n->property_subtype",
          "name:s",
          "agreement:o",
          "agreement.type:n->property_agreement",
          "agreement.reference:s",
          "agreement.start_at:d",
          "agreement.end_at:d",
          "block_name:s",
          "lot_reference:s",
          "cadastre_reference:s",
          "stairs_reference:s",
          "address:s",
          "address_more:s",
          "publish_address:b",
          "country:s",
          "region:o",
          "region.id:n",
          "region.name:s",
          "city:o",
          "city.id:n",
          "city.name:s",
          "city.zipcode:s",
          "original_city:*",
          "district:o",
          "original_district:*",
          "location:*",
          "latitude:n",
          "longitude:n",
          "radius:n",
          "altitude:n",
          "referral:*",
          "subreferral:*",
          "area:o",
          "area.unit:n->unit_area",
          "area.value:n",
          "area.total:n",
          "area.weighted:n",
          "plot:o",
          "plot.net_floor:n",
          "plot.land_type:*",
          "plot.width:n",
          "plot.height:n",
          "plot.serviced_plot:b",
          "rooms:n",
          "bedrooms:n",
          "sleeps:n",
          "price:o",
          "price.value:n",
          "price.max:n",
          "price.fees:n",
          "price.unit:*",
          "price.period:n->property_period",
          "price.hide:b",
          "price.inventory:n",
          "price.deposit:n",
          "price.currency:s",
          "price.commission:n",
          "price.transfer_tax:*",
          "price.contribution:*",
          "price.pension:*",
          "price.tenant:n",
          "price.vat:b",
          "rates:l",
          "owner:*",
          "visit:*",
          "residence:o",
          "residence.id:n",
          "residence.type:n->property_building",
          "residence.fees:n",
          "residence.period:n->property_period",
          "residence.lots:n",
          "view:o",
          "view.type:n->property_view_type",
          "view.landscape:l->property_view_landscape",
          "construction:o",
          "construction.type:l->property_construction_method",
          "construction.construction_year:n",
          "construction.renovation_year:n",
          "construction.renovation_cost:n",
          "construction.construction_step:n->construction_step",
          "floor:o",
          "floor.type:n->property_floor",
          "floor.value:n",
          "floor.levels:n",
          "floor.floors:n",
          "heating:o",
          "heating.device:n->property_heating_device",
          "heating.devices:l->property_heating_device",
          "heating.access:n->property_heating_access",
          "heating.type:n->property_heating_type",
          "heating.types:l->property_heating_type",
          "water:o",
          "water.hot_device:n->property_hot_water_device",
          "water.hot_access:n->property_hot_water_access",
          "water.waste:n->property_waste_water",
          "condition:n->property_condition",
          "standing:n->property_standing",
          "style:o",
          "style.name:s",
          "twinned:n",
          "facades:*",
          "length:*",
          "height:*",
          "url:s",
          "availability:n->property_availability",
          "available_at:d",
          "delivered_at:d",
          "activities:l->property_activity",
          "orientations:l->property_orientation",
          "services:l->property_service",
          "proximities:l->property_proximity",
          "tags:l->tags",
          "tags_customized:l",
          "pictures:l",
          "pictures[].id:n",
          "pictures[].rank:n",
          "pictures[].url:s",
          "pictures[].width_max:n",
          "pictures[].height_max:n",
          "pictures[].internet:b",
          "pictures[].print:b",
          "pictures[].panorama:b",
          "pictures[].child:n",
          "pictures[].reference:*",
          "pictures[].comments:l",
          "medias:l",
          "documents:l",
          "comments:l",
          "comments[].language:s",
          "comments[].title:s",
          "comments[].subtitle:s",
          "comments[].hook:*",
          "comments[].comment:s",
          "comments[].comment_full:s",
          "areas:l",
          "areas[].type:n->property_areas",
          "areas[].number:n",
          "areas[].area:n",
          "areas[].flooring:n->property_flooring",
          "areas[].ceiling_height:n",
          "areas[].floor:o",
          "areas[].floor.type:n->property_floor",
          "areas[].floor.value:n",
          "areas[].orientations:l->property_orientation",
          "areas[].comments:l",
          "areas[].lot:o",
          "regulations:l",
          "regulations[].type:n->property_regulation",
          "regulations[].value:s",
          "regulations[].date:d",
          "regulations[].graph:s",
          "financial:l",
          "exchanges:l",
          "options:l",
          "logs:l",
          "referrals:l",
          "filling_rate:*",
          "private_comment:s",
          "interagency_comment:s",
          "status_comment:s",
          "created_by:n",
          "updated_by:n",
          "created_at:d",
          "updated_at:d");

  /** The documented fields first (the contract's example), then what live answers add. */
  private static final List<String> USER_FIELDS =
      List.of(
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
          "picture",
          "language",
          "spoken_languages",
          "city",
          "partners",
          "stories",
          "rates");

  private static final List<String> LISTED_USER =
      List.of(
          "id:t",
          "agency:t",
          "active:b",
          "created_at:d",
          "updated_at:d",
          "firstname:s",
          "lastname:s",
          "username:s",
          "password:s",
          "group:t->user_group",
          "email:s",
          "phone:s",
          "mobile:s",
          "fax:s",
          "birthday_at:d",
          "timezone:s",
          "picture:s",
          "language:s",
          "spoken_languages:l",
          "city:o",
          "city.id:t",
          "city.name:s",
          "partners:l",
          "stories:l",
          "rates:*");

  private static final List<String> EMBEDDED_USER =
      List.of(
          "user.id:n",
          "user.agency:n",
          "user.active:b",
          "user.created_at:d",
          "user.updated_at:d",
          "user.firstname:s",
          "user.lastname:s",
          "user.username:s",
          "user.password:s",
          "user.group:n->user_group",
          "user.email:s",
          "user.phone:s",
          "user.mobile:s",
          "user.fax:s",
          "user.birthday_at:d",
          "user.timezone:s",
          "user.picture:s",
          "user.language:s",
          "user.spoken_languages:l",
          "user.city:o",
          "user.city.id:n",
          "user.city.name:s",
          "user.partners:l",
          "user.stories:l",
          "user.rates:*");

  private static final List<String> AGENCY =
      List.of(
          "id:t",
          "reference:s",
          "active:b",
          "name:s",
          "company:o",
          "company.id:t",
          "company.name:s",
          "brand:*",
          "networks:l",
          "address:s",
          "address_more:s",
          "city:o",
          "city.id:t",
          "city.name:s",
          "city.zipcode:s",
          "district:*",
          "country:s",
          "region:*",
          "latitude:*",
          "longitude:*",
          "email:s",
          "phone:s",
          "fax:s",
          "url:s",
          "logo:s",
          "picture:s",
          "currency:s",
          "timetable:s",
          "created_at:d",
          "updated_at:d",
          "users:l",
          "sectors:l",
          "rates:l",
          "partners:l",
          "logo_svg:s",
          "providers:s",
          "stories:l",
          "parameters:s",
          "subscription:s");

  private static final List<String> CONTRACT =
      List.of(
          "id:t",
          "step:t",
          "price_net:t",
          "commission_agency:t",
          "contract_at:d",
          "created_at:d",
          "updated_at:d",
          "property:t",
          "contacts:l",
          "entries:l",
          "entries[].id:t",
          "entries[].user:t",
          "entries[].amount:t",
          "entries[].vat:t",
          "entries[].vat_rate:*",
          "entries[].type:t");

  private static Sandbox sandbox;
  private static final Map<String, Set<String>> labelled = new HashMap<>();

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void propertiesCarryEveryFieldOfTheFullShapeWithApimoTypesAndLabelledCodes() {
    JsonNode properties =
        get(sandbox, "/agencies/14/properties?limit=200").json().get("properties");

    assertThat(properties).hasSize(200);
    List<String> shape = new ArrayList<>(PROPERTY);
    shape.addAll(EMBEDDED_USER);
    properties.forEach(p -> assertShape(p, shape));
    for (JsonNode p : properties) {
      assertThat(fieldNames(p.get("user"))).containsExactlyElementsOf(USER_FIELDS);
    }
  }

  @Test
  void propertiesComeInRealisticProportions() {
    JsonNode properties =
        get(sandbox, "/agencies/14/properties?limit=400").json().get("properties");

    assertThat(properties.findValues("agreement"))
        .anyMatch(JsonNode::isNull)
        .anyMatch(JsonNode::isObject);
    assertThat(properties.findValues("pictures"))
        .anyMatch(p -> p.isEmpty())
        .anyMatch(p -> p.size() > 2);
    Set<String> languages = new HashSet<>(properties.findValuesAsText("language"));
    assertThat(languages).contains("fr", "en", "de", "fr_FR");
    assertThat(properties.findValues("plot"))
        .anyMatch(p -> p.path("land_type").isNull())
        .anyMatch(p -> p.path("land_type").isNumber());
    assertThat(properties.findValues("regulations")).anyMatch(r -> r.size() == 2);
    for (String field : List.of("condition", "standing", "availability", "altitude")) {
      assertThat(properties.findValues(field)).as(field).anyMatch(JsonNode::isNull);
      assertThat(properties.findValues(field)).as(field).anyMatch(JsonNode::isNumber);
    }
  }

  @Test
  void listedUsersCarryTheDocumentedFieldsFirstThenTheLiveOnes() {
    JsonNode users = get(sandbox, "/agencies/14/users").json().get("users");

    users.forEach(u -> assertShape(u, LISTED_USER));
    for (JsonNode u : users) {
      assertThat(fieldNames(u)).containsExactlyElementsOf(USER_FIELDS);
    }
    assertThat(users.findValuesAsText("language")).contains("fr_FR");
    assertThat(users.findValues("spoken_languages")).anyMatch(l -> l.size() > 1);
  }

  @Test
  void agenciesCarryEveryContractField() {
    JsonNode agencies = get(sandbox, "/agencies").json().get("agencies");

    agencies.forEach(a -> assertShape(a, AGENCY));
  }

  @Test
  void contractsAreApimoContractListEntries() {
    JsonNode contracts = get(sandbox, "/agencies/14/contracts?limit=100").json().get("contracts");

    contracts.forEach(c -> assertShape(c, CONTRACT));
    for (JsonNode c : contracts) {
      assertThat(c.get("entries")).isNotEmpty();
      assertThat(c.has("reference")).isFalse();
    }
  }

  @Test
  void generationIsDeterministicFromTheSeed() {
    String[] paths = {
      "/agencies/14/properties?limit=50&offset=30",
      "/agencies/14/users",
      "/agencies",
      "/agencies/14/contracts?limit=50"
    };
    try (Sandbox again = Sandbox.start()) {
      for (String path : paths) {
        assertThat(SandboxHttp.get(again, path).text()).isEqualTo(get(sandbox, path).text());
      }
    }
  }

  private static void assertShape(JsonNode record, List<String> shape) {
    for (String spec : shape) {
      String path = spec.substring(0, spec.indexOf(':'));
      String kind = spec.substring(spec.indexOf(':') + 1);
      String catalog = kind.contains("->") ? kind.substring(kind.indexOf("->") + 2) : null;
      for (JsonNode value : values(record, path, record)) {
        check(value, kind.substring(0, 1), catalog, path + " in " + record.get("id"));
      }
    }
  }

  /** The values at a path; fails when an object on the way lacks the field. */
  private static List<JsonNode> values(JsonNode node, String path, JsonNode record) {
    int dot = path.indexOf('.');
    String head = dot < 0 ? path : path.substring(0, dot);
    boolean each = head.endsWith("[]");
    String field = each ? head.substring(0, head.length() - 2) : head;
    if (node.isArray() && node.isEmpty()) {
      return List.of();
    }
    assertThat(node.has(field)).as("%s missing in %s", field, record.get("id")).isTrue();
    JsonNode value = node.get(field);
    List<JsonNode> here = new ArrayList<>();
    if (each) {
      value.forEach(here::add);
    } else {
      here.add(value);
    }
    if (dot < 0) {
      return here;
    }
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode child : here) {
      if (!child.isNull()) {
        found.addAll(values(child, path.substring(dot + 1), record));
      }
    }
    return found;
  }

  private static void check(JsonNode value, String kind, String catalog, String where) {
    if (value.isNull() || kind.equals("*")) {
      return;
    }
    switch (kind) {
      case "n" -> assertThat(value.isNumber()).as(where + " number: " + value).isTrue();
      case "t" ->
          assertThat(value.isTextual() && value.textValue().matches("-?\\d+"))
              .as(where + " numeric text: " + value)
              .isTrue();
      case "s" -> assertThat(value.isTextual()).as(where + " text: " + value).isTrue();
      case "b" ->
          assertThat(
                  value.isBoolean()
                      || "1".equals(value.textValue())
                      || "0".equals(value.textValue()))
              .as(where + " boolean: " + value)
              .isTrue();
      case "d" ->
          assertThat(
                  value.isTextual()
                      && value.textValue().matches("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}:\\d{2})?"))
              .as(where + " date: " + value)
              .isTrue();
      case "l" -> assertThat(value.isArray()).as(where + " list: " + value).isTrue();
      case "o" ->
          assertThat(value.isObject() || (value.isArray() && value.isEmpty()))
              .as(where + " object: " + value)
              .isTrue();
      default -> throw new IllegalArgumentException(kind);
    }
    if (catalog != null) {
      List<JsonNode> codes = new ArrayList<>();
      if (value.isArray()) {
        value.forEach(codes::add);
      } else {
        codes.add(value);
      }
      for (JsonNode code : codes) {
        for (String culture : List.of("fr", "en")) {
          assertThat(labelled(catalog, culture))
              .as("%s code %s has a %s label in %s", where, code, culture, catalog)
              .contains(code.asText());
        }
      }
    }
  }

  private static Set<String> labelled(String catalog, String culture) {
    return labelled.computeIfAbsent(
        catalog + "/" + culture,
        k ->
            new HashSet<>(
                get(sandbox, "/catalogs/" + catalog + "?culture=" + culture)
                    .json()
                    .findValuesAsText("id")));
  }

  private static List<String> fieldNames(JsonNode node) {
    return SandboxContractTest.fieldNames(node);
  }
}
