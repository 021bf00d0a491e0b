package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Listings with their nested objects. Unlike users and actions, Apimo sends ids and codes here as
 * JSON numbers; {@code reference} mixes numbers, numeric strings and text, as in real data.
 */
final class PropertyGenerator {

  /** What the {@code step}, {@code status}, {@code group} and {@code timestamp} filters look at. */
  record Facts(Stamps stamps, int step, int status, int category) {}

  private final long seed;
  private final int scale;
  private final UserGenerator users;
  private final int[] statuses;
  private final int[] subtypes;
  private final int[] services;
  private final int[] tags;
  private final int[] areaTypes;

  PropertyGenerator(long seed, int scale, UserGenerator users, Catalogs catalogs) {
    this.seed = seed;
    this.scale = scale;
    this.users = users;
    this.statuses = catalogs.codes("property_status");
    this.subtypes = catalogs.codes("property_subtype");
    this.services = catalogs.codes("property_service");
    this.tags = catalogs.codes("tags");
    this.areaTypes = catalogs.codes("property_areas");
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

  void write(JsonGenerator g, AgencySpec agency, long index) throws IOException {
    Rng rng = Rng.of(seed, agency.id(), Rng.Kind.PROPERTY, index);
    Facts facts = facts(rng, index, count(agency));
    Vocabulary.City city =
        rng.chance(0.7) ? Vocabulary.CITIES.get(agency.cityIndex()) : rng.pick(Vocabulary.CITIES);
    int type = rng.between(1, 5);
    int rooms = type == 3 ? 0 : rng.between(1, 9);
    int surface =
        type == 3 ? rng.between(300, 5000) : rng.between(18, 60) + rooms * rng.between(10, 30);
    boolean rental = facts.category() != 1;
    long price = rental ? rng.between(5, 60) * 100L : rng.between(90, 4_500) * 1000L;
    g.writeStartObject();
    g.writeNumberField("id", agency.recordId(Rng.Kind.PROPERTY, index));
    switch (rng.between(0, 2)) {
      case 0 -> g.writeNumberField("reference", 1000 + index);
      case 1 -> g.writeStringField("reference", String.valueOf(1000 + index));
      default -> g.writeStringField("reference", (rental ? "LO" : "VI") + (index + 1));
    }
    g.writeNumberField("agency", agency.id());
    g.writeNullField("brand");
    g.writeNullField("sector");
    UserGenerator.User user = users.user(agency, rng.between(0L, agency.users() - 1));
    g.writeObjectFieldStart("user");
    g.writeNumberField("id", user.id());
    g.writeStringField("firstname", user.firstname());
    g.writeStringField("lastname", user.lastname());
    g.writeStringField("email", user.email());
    g.writeStringField("phone", user.phone());
    g.writeStringField("mobile", user.mobile());
    g.writeStringField("picture", user.picture());
    g.writeEndObject();
    g.writeNumberField("step", facts.step());
    g.writeNumberField("status", facts.status());
    g.writeNumberField("category", facts.category());
    g.writeNullField("subcategory");
    g.writeNumberField("type", type);
    g.writeNumberField("subtype", rng.pick(subtypes));
    g.writeStringField(
        "name", rng.chance(0.5) ? "" : rng.pick(Vocabulary.DISTRICTS) + ", " + city.name());
    g.writeObjectFieldStart("agreement");
    g.writeNumberField("type", rng.between(1, 3));
    g.writeStringField("reference", rng.chance(0.3) ? null : "M" + (2000 + index));
    g.writeStringField("start_at", Dates.date(facts.stamps().created()));
    g.writeStringField("end_at", Dates.date(facts.stamps().created() + 365 * 86_400L));
    g.writeEndObject();
    g.writeStringField("address", rng.between(1, 120) + " " + rng.pick(Vocabulary.STREETS));
    g.writeStringField("address_more", rng.chance(0.8) ? "" : "Bâtiment B, 3e étage");
    g.writeStringField("country", "FR");
    g.writeObjectFieldStart("region");
    g.writeNumberField("id", city.regionId());
    g.writeStringField("name", city.region());
    g.writeEndObject();
    writeCity(g, city);
    if (rng.chance(0.5)) {
      g.writeNullField("district");
    } else {
      g.writeObjectFieldStart("district");
      g.writeNumberField("id", city.id() * 10 + rng.between(1, 5));
      g.writeStringField("name", rng.pick(Vocabulary.DISTRICTS));
      g.writeEndObject();
    }
    g.writeNumberField(
        "latitude", Math.round((city.latitude() + rng.between(-200, 200) / 10_000.0) * 1e6) / 1e6);
    g.writeNumberField(
        "longitude",
        Math.round((city.longitude() + rng.between(-200, 200) / 10_000.0) * 1e6) / 1e6);
    g.writeObjectFieldStart("area");
    g.writeNumberField("unit", 1);
    g.writeNumberField("value", surface);
    g.writeNumberField("total", surface + (type == 2 ? rng.between(100, 2000) : 0));
    g.writeNumberField("weighted", surface);
    g.writeEndObject();
    g.writeNumberField("rooms", rooms);
    g.writeNumberField("bedrooms", Math.max(0, rooms - 1));
    g.writeObjectFieldStart("price");
    g.writeNumberField("value", price);
    g.writeNumberField("max", 0);
    g.writeNumberField("fees", rental ? price : price * rng.between(3, 6) / 100);
    g.writeNumberField("period", rental ? 1 : 0);
    g.writeBooleanField("hide", rng.chance(0.05));
    g.writeStringField("currency", "EUR");
    g.writeEndObject();
    writePictures(g, agency, index, rng);
    g.writeArrayFieldStart("comments");
    int comment = rng.between(0, Vocabulary.COMMENTS_FR.length - 1);
    writeComment(g, "fr", "À découvrir : " + city.name(), Vocabulary.COMMENTS_FR[comment]);
    if (rng.chance(0.7)) {
      writeComment(g, "en", "Discover " + city.name(), Vocabulary.COMMENTS_EN[comment]);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("areas");
    for (int a = 0, n = Math.min(rooms, 4); a < n; a++) {
      g.writeStartObject();
      g.writeNumberField("type", rng.pick(areaTypes));
      g.writeNumberField("number", 1);
      g.writeNumberField("area", rng.between(8, 40));
      g.writeNullField("flooring");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("regulations");
    g.writeEndArray();
    writeCodes(g, "services", services, rng, 5);
    writeCodes(g, "tags", tags, rng, 2);
    g.writeStringField("created_at", Dates.dateTime(facts.stamps().created()));
    g.writeStringField("updated_at", Dates.dateTime(facts.stamps().updated()));
    g.writeEndObject();
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

  private static void writePictures(JsonGenerator g, AgencySpec agency, long index, Rng rng)
      throws IOException {
    long id = agency.recordId(Rng.Kind.PROPERTY, index);
    g.writeArrayFieldStart("pictures");
    for (int rank = 1, n = rng.between(0, 6); rank <= n; rank++) {
      g.writeStartObject();
      g.writeNumberField("id", id * 10 + rank);
      g.writeNumberField("rank", rank);
      g.writeStringField(
          "url", "https://static.sandbox.invalid/pictures/" + id + "/" + rank + ".jpg");
      g.writeNumberField("width", 1600);
      g.writeNumberField("height", 1200);
      g.writeBooleanField("internet", true);
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
    g.writeStringField("hook", "");
    g.writeStringField("comment", text);
    g.writeStringField("comment_full", text);
    g.writeEndObject();
  }

  private static void writeCodes(JsonGenerator g, String field, int[] codes, Rng rng, int max)
      throws IOException {
    g.writeArrayFieldStart(field);
    java.util.Set<Integer> seen = new java.util.TreeSet<>();
    for (int i = 0, n = rng.between(0, max); i < n; i++) {
      seen.add(rng.pick(codes));
    }
    for (int code : seen) {
      g.writeNumber(code);
    }
    g.writeEndArray();
  }
}
