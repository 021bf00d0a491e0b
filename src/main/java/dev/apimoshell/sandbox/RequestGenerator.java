package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Buyers' and tenants' searches. The contract gives no field list for requests, so this shape is
 * the sandbox's plausible guess: who searches, for what, where and at what price.
 */
final class RequestGenerator {

  private final long seed;
  private final int scale;

  RequestGenerator(long seed, int scale) {
    this.seed = seed;
    this.scale = scale;
  }

  long count(AgencySpec agency) {
    return agency.requests(scale);
  }

  void write(JsonGenerator g, AgencySpec agency, long index) throws IOException {
    Rng rng = Rng.of(seed, agency.id(), Rng.Kind.REQUEST, index);
    Stamps stamps = Stamps.draw(rng, index, count(agency));
    int category = rng.chance(0.7) ? 1 : 2;
    long min = category == 1 ? rng.between(100, 900) * 1000L : rng.between(4, 15) * 100L;
    g.writeStartObject();
    Json.idField(g, "id", agency.recordId(Rng.Kind.REQUEST, index));
    Json.idField(
        g,
        "contact",
        agency.recordId(Rng.Kind.CONTACT, rng.between(0L, agency.contacts(scale) - 1)));
    Json.idField(g, "user", agency.userId(rng.between(0L, agency.users() - 1)));
    Json.idField(g, "step", (long) rng.between(1, 4));
    Json.idField(g, "category", (long) category);
    g.writeArrayFieldStart("types");
    g.writeString(String.valueOf(rng.between(1, 2)));
    g.writeEndArray();
    g.writeArrayFieldStart("cities");
    PropertyGenerator.writeCityValue(g, rng.pick(Vocabulary.CITIES));
    g.writeEndArray();
    g.writeObjectFieldStart("price");
    g.writeStringField("min", String.valueOf(min));
    g.writeStringField("max", rng.chance(0.2) ? null : String.valueOf(min * 3 / 2));
    g.writeStringField("currency", "EUR");
    g.writeEndObject();
    g.writeObjectFieldStart("area");
    g.writeStringField("min", String.valueOf(rng.between(20, 120)));
    g.writeNullField("max");
    g.writeEndObject();
    g.writeStringField("rooms", String.valueOf(rng.between(1, 5)));
    g.writeStringField(
        "comment", rng.chance(0.5) ? "" : "Proche écoles, \"au calme\", pas de rez-de-chaussée.");
    g.writeStringField("created_at", Dates.dateTime(stamps.created()));
    g.writeStringField("updated_at", Dates.dateTime(stamps.updated()));
    g.writeEndObject();
  }
}
