package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Listings with their nested objects, in the shapes docs/apimo-contract.md decides field by field.
 * Unlike users and actions, Apimo sends ids and codes here as JSON numbers, {@code reference}
 * included; fields that live answers were seen to carry only as null ({@code location}, {@code
 * referral}, {@code owner}, {@code visit}, ...) are null.
 */
final class PropertyGenerator {

  /** What the {@code step}, {@code status}, {@code group} and {@code timestamp} filters look at. */
  record Facts(Stamps stamps, int step, int status, int category) {}

  private final long seed;
  private final int scale;
  private final UserGenerator users;
  private final Catalogs catalogs;
  private final int[] statuses;

  PropertyGenerator(long seed, int scale, UserGenerator users, Catalogs catalogs) {
    this.seed = seed;
    this.scale = scale;
    this.users = users;
    this.catalogs = catalogs;
    this.statuses = catalogs.codes("property_status");
  }

  long count(AgencySpec agency) {
    return agency.properties(scale);
  }

  Facts facts(AgencySpec agency, long index) {
    return facts(Rng.of(seed, agency.id(), Rng.Kind.PROPERTY, index), index, count(agency));
  }

  private Facts facts(Rng rng, long index, long count) {
    Stamps stamps = Stamps.draw(rng, index, count);
    int roll = rng.between(1, 100);
    int step = roll <= 60 ? 1 : roll <= 75 ? 2 : roll <= 95 ? 3 : 4;
    int status = rng.chance(0.6) ? 1 : rng.pick(statuses);
    int category = rng.chance(0.6) ? 1 : rng.between(2, 3);
    return new Facts(stamps, step, status, category);
  }

  /** Every field of a live property, in Apimo's order; codes come from the real catalogs. */
  void write(JsonGenerator g, AgencySpec agency, long index) throws IOException {
    Rng rng = Rng.of(seed, agency.id(), Rng.Kind.PROPERTY, index);
    Facts facts = facts(rng, index, count(agency));
    long id = agency.recordId(Rng.Kind.PROPERTY, index);
    long created = facts.stamps().created();
    Vocabulary.City city =
        rng.chance(0.7) ? Vocabulary.CITIES.get(agency.cityIndex()) : rng.pick(Vocabulary.CITIES);
    int type = rng.between(1, 5);
    boolean flat = type == 1;
    boolean land = type == 3;
    boolean house = type == 2;
    boolean bare = land || type == 5; // land or a parking space: no rooms, nothing to heat
    int rooms = bare ? 0 : rng.between(1, 9);
    int surface = land ? rng.between(300, 5000) : rng.between(18, 60) + rooms * rng.between(10, 30);
    boolean rental = facts.category() != 1;
    long price = rental ? rng.between(5, 60) * 100L : rng.between(90, 4_500) * 1000L;
    long userIndex = rng.between(0L, agency.users() - 1);
    g.writeStartObject();
    g.writeNumberField("id", id);
    g.writeNumberField("reference", 1000 + index);
    g.writeNumberField("agency", agency.id());
    g.writeNullField("brand");
    g.writeNullField("sector");
    g.writeFieldName("user");
    UserGenerator.writeUser(g, users.user(agency, userIndex), false);
    g.writeNumberField("step", facts.step());
    g.writeNumberField("status", facts.status());
    nullableNumber(g, "parent", rng.chance(0.05) ? id - 1 : null);
    g.writeNullField("ranking");
    nullableNumber(g, "group", null);
    g.writeNumberField("quality", rng.between(0, 5));
    g.writeNumberField("category", facts.category());
    nullableNumber(
        g,
        "subcategory",
        rental && rng.chance(0.6)
            ? (long) (facts.category() == 3 ? 31 : rng.between(21, 22))
            : null);
    g.writeStringField(
        "name", rng.chance(0.5) ? "" : rng.pick(Vocabulary.DISTRICTS) + ", " + city.name());
    g.writeNumberField("type", type);
    g.writeNumberField("subtype", rng.pick(SUBTYPES[type - 1]));
    writeAgreement(g, rng, index, created);
    g.writeStringField(
        "block_name",
        flat && rng.chance(0.3) ? "Bâtiment " + (char) ('A' + rng.between(0, 3)) : null);
    g.writeStringField(
        "lot_reference", flat && rng.chance(0.4) ? String.valueOf(rng.between(1, 250)) : null);
    g.writeStringField("cadastre_reference", rng.chance(0.5) ? null : "AB " + rng.between(1, 999));
    g.writeStringField("stairs_reference", null);
    g.writeStringField("address", rng.between(1, 120) + " " + rng.pick(Vocabulary.STREETS));
    g.writeStringField("address_more", rng.chance(0.8) ? "" : "Bâtiment B, 3e étage");
    g.writeBooleanField("publish_address", rng.chance(0.2));
    g.writeStringField("country", "FR");
    g.writeObjectFieldStart("region");
    g.writeNumberField("id", city.regionId());
    g.writeStringField("name", city.region());
    g.writeEndObject();
    writeCity(g, city);
    g.writeNullField("original_city");
    if (rng.chance(0.5)) {
      g.writeNullField("district");
    } else {
      g.writeObjectFieldStart("district");
      g.writeNumberField("id", city.id() * 10 + rng.between(1, 5));
      g.writeStringField("name", rng.pick(Vocabulary.DISTRICTS));
      g.writeEndObject();
    }
    g.writeNullField("original_district");
    g.writeNullField("location");
    g.writeNumberField(
        "longitude",
        Math.round((city.longitude() + rng.between(-200, 200) / 10_000.0) * 1e6) / 1e6);
    g.writeNumberField(
        "latitude", Math.round((city.latitude() + rng.between(-200, 200) / 10_000.0) * 1e6) / 1e6);
    g.writeNumberField("radius", rng.chance(0.7) ? 0 : rng.between(1, 10) * 100);
    boolean alps = city.latitude() > 45.5 && city.longitude() > 6.0;
    nullableNumber(
        g,
        "altitude",
        rng.chance(0.6) ? null : (long) (alps ? rng.between(400, 1800) : rng.between(0, 300)));
    g.writeNullField("referral");
    g.writeNullField("subreferral");
    g.writeObjectFieldStart("area");
    g.writeNumberField("unit", 1);
    g.writeNumberField("value", surface);
    g.writeNumberField("total", surface + (house ? rng.between(100, 2000) : 0));
    g.writeNumberField("weighted", surface);
    g.writeEndObject();
    writePlot(g, rng, house || land, surface);
    g.writeNumberField("rooms", rooms);
    g.writeNumberField("bedrooms", Math.max(0, rooms - 1));
    g.writeNumberField("sleeps", facts.category() == 3 ? rooms * 2 : 0);
    writePrice(g, rng, facts.category(), price);
    emptyArray(g, "rates");
    g.writeNullField("owner");
    g.writeNullField("visit");
    writeResidence(g, rng, flat);
    writeView(g, rng);
    writeConstruction(g, rng, bare);
    writeFloor(g, rng, flat, bare);
    writeHeating(g, rng, bare);
    writeWater(g, rng, bare);
    optionalCode(g, rng, "condition", "property_condition", 0.7);
    optionalCode(g, rng, "standing", "property_standing", 0.5);
    g.writeObjectFieldStart("style");
    g.writeStringField("name", rng.chance(0.8) ? null : rng.pick(STYLES));
    g.writeEndObject();
    g.writeNumberField("twinned", 0);
    nullableNumber(g, "facades", rng.chance(0.7) ? null : (long) rng.between(1, 4));
    g.writeNullField("length");
    g.writeNullField("height");
    g.writeStringField("url", "https://www." + UserGenerator.domain(agency) + "/annonce/" + id);
    optionalCode(g, rng, "availability", "property_availability", 0.6);
    g.writeNullField("available_at");
    g.writeStringField("delivered_at", null);
    codes(g, rng, "activities", "property_activity", type == 4 ? 3 : 0);
    codes(g, rng, "orientations", "property_orientation", bare ? 0 : 2);
    codes(g, rng, "services", "property_service", 5);
    codes(g, rng, "proximities", "property_proximity", 4);
    codes(g, rng, "tags", "tags", 2);
    emptyArray(g, "tags_customized");
    writePictures(g, id, rng);
    emptyArray(g, "medias");
    emptyArray(g, "documents");
    int comment = rng.between(0, Vocabulary.COMMENTS_FR.length - 1);
    g.writeArrayFieldStart("comments");
    writeComment(g, "fr", "À découvrir : " + city.name(), Vocabulary.COMMENTS_FR[comment]);
    if (rng.chance(0.7)) {
      writeComment(g, "en", "Discover " + city.name(), Vocabulary.COMMENTS_EN[comment]);
    }
    if (rng.chance(0.15)) {
      writeComment(g, "de", "Entdecken Sie " + city.name(), COMMENTS_DE[comment]);
    }
    g.writeEndArray();
    writeAreas(g, rng, rooms);
    writeRegulations(g, rng, bare, created);
    for (String empty : new String[] {"financial", "exchanges", "options"}) {
      emptyArray(g, empty);
    }
    g.writeNullField("filling_rate");
    g.writeNullField("private_comment");
    g.writeNullField("interagency_comment");
    g.writeStringField("status_comment", null);
    emptyArray(g, "logs");
    emptyArray(g, "referrals");
    g.writeNumberField("created_by", agency.userId(userIndex));
    g.writeStringField("created_at", Dates.dateTime(created));
    g.writeNumberField("updated_by", agency.userId(rng.between(0L, agency.users() - 1)));
    g.writeStringField("updated_at", Dates.dateTime(facts.stamps().updated()));
    g.writeEndObject();
  }

  /** {@code property_subtype} codes that fit each {@code property_type} 1 to 5. */
  private static final int[][] SUBTYPES = {
    {1, 4, 5, 6, 9, 12, 60, 66},
    {7, 10, 13, 14, 18, 23, 25, 27, 30, 32, 37, 47, 71, 72, 83},
    {2, 3, 46, 78, 79, 103},
    {8, 31, 33, 34, 35, 62, 64},
    {22, 43, 59}
  };

  private static final String[] STYLES = {"Haussmannien", "Provençal", "Contemporain", "Chalet"};

  private static final String[] COMMENTS_DE = {
    "Helle, ruhige Wohnung in der Nähe aller Geschäfte.",
    "Charaktervolles Haus mit altem Baumbestand.\nKeine Arbeiten nötig.",
    "Unverbaubarer Meerblick, 40 m² Terrasse, Parkplatz, Keller.",
    "Ideal für Anleger: vermietet für 1.200 € im Monat."
  };

  private int code(Rng rng, String catalog) {
    return rng.pick(catalogs.codes(catalog));
  }

  private void optionalCode(JsonGenerator g, Rng rng, String field, String catalog, double p)
      throws IOException {
    nullableNumber(g, field, rng.chance(p) ? (long) code(rng, catalog) : null);
  }

  private static void nullableNumber(JsonGenerator g, String field, Long value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, value);
    }
  }

  /** PHP's {@code json_encode} turns an empty object into {@code []}, and Apimo sends that. */
  private static void emptyArray(JsonGenerator g, String field) throws IOException {
    g.writeArrayFieldStart(field);
    g.writeEndArray();
  }

  private static void writeAgreement(JsonGenerator g, Rng rng, long index, long created)
      throws IOException {
    if (rng.chance(0.25)) {
      g.writeNullField("agreement");
      return;
    }
    g.writeObjectFieldStart("agreement");
    g.writeNumberField("type", rng.chance(0.6) ? 1 : rng.between(2, 3));
    g.writeStringField("reference", rng.chance(0.3) ? "" : "M" + (2000 + index));
    g.writeStringField("start_at", Dates.date(created));
    g.writeStringField("end_at", Dates.date(created + 365 * 86_400L));
    g.writeEndObject();
  }

  private void writePlot(JsonGenerator g, Rng rng, boolean hasPlot, int surface)
      throws IOException {
    g.writeObjectFieldStart("plot");
    if (!hasPlot) {
      for (String none : new String[] {"net_floor", "land_type", "width", "height"}) {
        g.writeNullField(none);
      }
      g.writeBooleanField("serviced_plot", false);
      g.writeEndObject();
      return;
    }
    g.writeNumberField("net_floor", rng.chance(0.5) ? 0 : surface / 2);
    g.writeNumberField("land_type", code(rng, "property_land"));
    g.writeNumberField("width", rng.between(10, 60));
    g.writeNumberField("height", rng.between(15, 80));
    g.writeBooleanField("serviced_plot", rng.chance(0.7));
    g.writeEndObject();
  }

  private void writePrice(JsonGenerator g, Rng rng, int category, long price) throws IOException {
    boolean rental = category != 1;
    g.writeObjectFieldStart("price");
    g.writeNumberField("value", price);
    g.writeNumberField("max", 0);
    g.writeNumberField("fees", rental ? price : price * rng.between(3, 6) / 100);
    g.writeNullField("unit");
    nullableNumber(g, "period", rental ? (long) (category == 3 ? 2 : 4) : null);
    g.writeBooleanField("hide", rng.chance(0.05));
    g.writeNumberField("inventory", rental ? rng.between(1, 5) * 50 : 0);
    g.writeNumberField("deposit", rental ? price * rng.between(1, 2) : 0);
    g.writeStringField("currency", "EUR");
    g.writeNumberField("commission", rental ? 0 : price * rng.between(3, 6) / 100);
    g.writeNullField("transfer_tax");
    g.writeNullField("contribution");
    g.writeNullField("pension");
    g.writeNumberField("tenant", rental ? price : 0);
    g.writeBooleanField("vat", false);
    g.writeEndObject();
  }

  private void writeResidence(JsonGenerator g, Rng rng, boolean flat) throws IOException {
    if (!flat || rng.chance(0.3)) {
      g.writeNullField("residence");
      return;
    }
    g.writeObjectFieldStart("residence");
    g.writeNullField("id");
    g.writeNumberField("type", code(rng, "property_building"));
    g.writeNumberField("fees", rng.between(5, 60) * 100);
    g.writeNumberField("period", 8);
    g.writeNumberField("lots", rng.between(4, 120));
    g.writeEndObject();
  }

  private void writeView(JsonGenerator g, Rng rng) throws IOException {
    g.writeObjectFieldStart("view");
    nullableNumber(g, "type", rng.chance(0.6) ? (long) code(rng, "property_view_type") : null);
    codes(g, rng, "landscape", "property_view_landscape", 2);
    g.writeEndObject();
  }

  private void writeConstruction(JsonGenerator g, Rng rng, boolean bare) throws IOException {
    g.writeObjectFieldStart("construction");
    codes(g, rng, "type", "property_construction_method", bare ? 0 : 1);
    int year = rng.between(1850, 2024);
    nullableNumber(g, "construction_year", bare || rng.chance(0.3) ? null : (long) year);
    boolean renovated = !bare && year < 2000 && rng.chance(0.3);
    nullableNumber(
        g, "renovation_year", renovated ? (long) rng.between(Math.max(year, 1990), 2025) : null);
    nullableNumber(g, "renovation_cost", renovated ? (long) rng.between(5, 200) * 1000 : null);
    nullableNumber(
        g, "construction_step", rng.chance(0.9) ? null : (long) code(rng, "construction_step"));
    g.writeEndObject();
  }

  private void writeFloor(JsonGenerator g, Rng rng, boolean flat, boolean bare) throws IOException {
    g.writeObjectFieldStart("floor");
    nullableNumber(g, "type", flat ? (long) code(rng, "property_floor") : null);
    nullableNumber(g, "value", flat ? (long) rng.between(0, 8) : null);
    nullableNumber(g, "levels", bare ? null : (long) rng.between(1, 3));
    nullableNumber(g, "floors", flat ? (long) rng.between(2, 12) : null);
    g.writeEndObject();
  }

  private void writeHeating(JsonGenerator g, Rng rng, boolean bare) throws IOException {
    g.writeObjectFieldStart("heating");
    int device = code(rng, "property_heating_device");
    nullableNumber(g, "device", bare ? null : (long) device);
    g.writeArrayFieldStart("devices");
    if (!bare) {
      g.writeNumber(device);
    }
    g.writeEndArray();
    nullableNumber(g, "access", bare ? null : (long) code(rng, "property_heating_access"));
    int heating = code(rng, "property_heating_type");
    nullableNumber(g, "type", bare ? null : (long) heating);
    g.writeArrayFieldStart("types");
    if (!bare) {
      g.writeNumber(heating);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void writeWater(JsonGenerator g, Rng rng, boolean bare) throws IOException {
    g.writeObjectFieldStart("water");
    nullableNumber(g, "hot_device", bare ? null : (long) code(rng, "property_hot_water_device"));
    nullableNumber(g, "hot_access", bare ? null : (long) code(rng, "property_hot_water_access"));
    nullableNumber(g, "waste", rng.chance(0.5) ? null : (long) code(rng, "property_waste_water"));
    g.writeEndObject();
  }

  private void writeAreas(JsonGenerator g, Rng rng, int rooms) throws IOException {
    g.writeArrayFieldStart("areas");
    for (int a = 0, n = Math.min(rooms, 4); a < n; a++) {
      g.writeStartObject();
      g.writeNumberField("type", code(rng, "property_areas"));
      g.writeNumberField("number", 1);
      g.writeNumberField("area", rng.between(8, 40));
      nullableNumber(g, "flooring", rng.chance(0.5) ? null : (long) code(rng, "property_flooring"));
      if (rng.chance(0.7)) {
        g.writeNullField("ceiling_height");
      } else {
        g.writeNumberField("ceiling_height", rng.between(240, 350) / 100.0);
      }
      g.writeObjectFieldStart("floor");
      g.writeNumberField("type", code(rng, "property_floor"));
      g.writeNumberField("value", rng.between(0, 3));
      g.writeEndObject();
      codes(g, rng, "orientations", "property_orientation", 1);
      g.writeArrayFieldStart("comments");
      if (rng.chance(0.2)) {
        writeComment(g, "fr", "", "Parquet d'origine, cheminée en marbre.");
      }
      g.writeEndArray();
      g.writeObjectFieldStart("lot");
      g.writeNullField("type");
      g.writeNullField("rank");
      emptyArray(g, "name");
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Energy ratings (codes 1 and 2, value a letter), as French listings must show them. */
  private static void writeRegulations(JsonGenerator g, Rng rng, boolean bare, long created)
      throws IOException {
    g.writeArrayFieldStart("regulations");
    if (!bare && rng.chance(0.8)) {
      for (int type = 1; type <= 2; type++) {
        g.writeStartObject();
        g.writeNumberField("type", type);
        g.writeStringField("value", String.valueOf(rng.between(50, 450)));
        g.writeStringField("date", Dates.date(created));
        g.writeStringField("graph", String.valueOf((char) ('A' + rng.between(0, 6))));
        g.writeEndObject();
      }
    }
    g.writeEndArray();
  }

  static void writeCity(JsonGenerator g, Vocabulary.City city) throws IOException {
    g.writeFieldName("city");
    writeCityValue(g, city);
  }

  static void writeCityValue(JsonGenerator g, Vocabulary.City city) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", city.id());
    g.writeStringField("name", city.name());
    g.writeStringField("zipcode", city.zipcode());
    g.writeEndObject();
  }

  private static void writePictures(JsonGenerator g, long id, Rng rng) throws IOException {
    g.writeArrayFieldStart("pictures");
    for (int rank = 1, n = rng.chance(0.2) ? 0 : rng.between(1, 8); rank <= n; rank++) {
      g.writeStartObject();
      g.writeNumberField("id", id * 10 + rank);
      g.writeNumberField("rank", rank);
      g.writeStringField(
          "url", "https://static.sandbox.invalid/pictures/" + id + "/" + rank + ".jpg");
      g.writeNumberField("width_max", 1600);
      g.writeNumberField("height_max", 1200);
      g.writeBooleanField("internet", true);
      g.writeBooleanField("print", rank <= 3);
      g.writeBooleanField("panorama", false);
      g.writeNullField("child");
      g.writeNullField("reference");
      g.writeArrayFieldStart("comments");
      if (rank == 1 && rng.chance(0.3)) {
        writeComment(g, "fr", "", "Séjour, vue dégagée.");
        writeComment(g, "en", "", "Living room, open view.");
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeComment(JsonGenerator g, String language, String title, String text)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("language", language);
    g.writeStringField("title", title);
    g.writeNullField("subtitle");
    g.writeNullField("hook");
    g.writeStringField("comment", text);
    g.writeStringField("comment_full", text);
    g.writeEndObject();
  }

  /** Up to {@code max} distinct codes of a catalog, ascending. */
  private void codes(JsonGenerator g, Rng rng, String field, String catalog, int max)
      throws IOException {
    g.writeArrayFieldStart(field);
    int[] codes = catalogs.codes(catalog);
    java.util.Set<Integer> seen = new java.util.TreeSet<>();
    for (int i = 0, n = max == 0 ? 0 : rng.between(0, max); i < n; i++) {
      seen.add(rng.pick(codes));
    }
    for (int code : seen) {
      g.writeNumber(code);
    }
    g.writeEndArray();
  }
}
