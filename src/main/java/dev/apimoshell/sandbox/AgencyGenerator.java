package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The agencies visible to the sandbox provider; ids and codes as strings, as Apimo sends them. */
final class AgencyGenerator {

  private final long seed;

  AgencyGenerator(long seed) {
    this.seed = seed;
  }

  void write(JsonGenerator g, AgencySpec agency) throws IOException {
    Rng rng = Rng.of(seed, agency.id(), Rng.Kind.AGENCY, 0);
    Vocabulary.City city = Vocabulary.CITIES.get(agency.cityIndex());
    long created = rng.between(Dates.ORIGIN, Dates.ORIGIN + 365 * 86_400L);
    g.writeStartObject();
    Json.idField(g, "id", (long) agency.id());
    g.writeStringField("reference", String.valueOf(agency.id() * 1000 + 1));
    g.writeBooleanField("active", true);
    g.writeStringField("name", agency.name());
    g.writeObjectFieldStart("company");
    Json.idField(g, "id", (long) agency.id() * 10);
    g.writeStringField("name", agency.name() + " SARL");
    g.writeEndObject();
    g.writeNullField("brand");
    g.writeArrayFieldStart("networks");
    g.writeEndArray();
    g.writeStringField("address", rng.between(1, 80) + " " + rng.pick(Vocabulary.STREETS));
    g.writeStringField("address_more", "");
    g.writeObjectFieldStart("city");
    Json.idField(g, "id", (long) city.id());
    g.writeStringField("name", city.name());
    g.writeStringField("zipcode", city.zipcode());
    g.writeEndObject();
    g.writeNullField("district");
    g.writeStringField("country", "FR");
    g.writeStringField("region", city.region());
    g.writeStringField("latitude", String.valueOf(city.latitude()));
    g.writeStringField("longitude", String.valueOf(city.longitude()));
    g.writeStringField("email", "contact@" + UserGenerator.domain(agency));
    g.writeStringField("phone", "+334" + rng.between(10_000_000, 99_999_999));
    g.writeStringField(
        "fax", rng.chance(0.5) ? null : "+334" + rng.between(10_000_000, 99_999_999));
    g.writeStringField("url", "https://www." + UserGenerator.domain(agency));
    g.writeStringField(
        "logo", "https://static.sandbox.invalid/agency/" + agency.id() + "/logo.png");
    g.writeNullField("picture");
    g.writeStringField("currency", "EUR");
    g.writeStringField("timetable", "Du lundi au samedi, 9h-12h30 et 14h-19h");
    g.writeStringField("created_at", Dates.dateTime(created));
    g.writeStringField("updated_at", Dates.dateTime(rng.between(created, Dates.NOW)));
    g.writeArrayFieldStart("users");
    for (int i = 0; i < agency.users(); i++) {
      g.writeString(String.valueOf(agency.userId(i)));
    }
    g.writeEndArray();
    for (String empty : new String[] {"sectors", "rates", "partners"}) {
      g.writeArrayFieldStart(empty);
      g.writeEndArray();
    }
    g.writeStringField(
        "logo_svg", "https://static.sandbox.invalid/agency/" + agency.id() + "/logo.svg");
    for (String empty : new String[] {"providers", "stories", "parameters"}) {
      g.writeArrayFieldStart(empty);
      g.writeEndArray();
    }
    g.writeNullField("subscription");
    g.writeEndObject();
  }
}
