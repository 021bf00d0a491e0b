package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * The agencies visible to the sandbox provider; ids and codes as strings, as Apimo sends them. An
 * agency carries its users as whole user objects, and {@code providers}, {@code parameters} as
 * paths under {@code /agencies} (docs/apimo-contract.md says why).
 */
final class AgencyGenerator {

  private final long seed;
  private final UserGenerator users;

  AgencyGenerator(long seed, UserGenerator users) {
    this.seed = seed;
    this.users = users;
  }

  /** The most recent {@code updated_at} of the agencies, in UNIX seconds: the list's timestamp. */
  long latestUpdate(List<AgencySpec> agencies) {
    long latest = 0;
    for (AgencySpec agency : agencies) {
      latest = Math.max(latest, stamps(agency)[1]);
    }
    return latest;
  }

  /** {created, updated} in UNIX seconds. */
  private long[] stamps(AgencySpec agency) {
    Rng rng = Rng.of(seed, agency.id(), Rng.Kind.AGENCY, 0);
    long created = rng.between(Dates.ORIGIN, Dates.ORIGIN + 365 * 86_400L);
    return new long[] {created, rng.between(created, Dates.NOW)};
  }

  void write(JsonGenerator g, AgencySpec agency) throws IOException {
    Rng rng = Rng.of(seed, agency.id(), Rng.Kind.AGENCY, 0);
    Vocabulary.City city = Vocabulary.CITIES.get(agency.cityIndex());
    long[] stamps = stamps(agency);
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
    g.writeStringField(
        "picture", "https://static.sandbox.invalid/agency/" + agency.id() + "/picture.jpg");
    g.writeStringField("currency", "EUR");
    g.writeStringField("timetable", "Du lundi au samedi, 9h-12h30 et 14h-19h");
    g.writeStringField("created_at", Dates.dateTime(stamps[0]));
    g.writeStringField("updated_at", Dates.dateTime(stamps[1]));
    g.writeArrayFieldStart("users");
    for (int i = 0; i < agency.users(); i++) {
      users.write(g, agency, i);
    }
    g.writeEndArray();
    for (String empty : new String[] {"sectors", "rates", "partners"}) {
      g.writeArrayFieldStart(empty);
      g.writeEndArray();
    }
    g.writeStringField(
        "logo_svg", "https://static.sandbox.invalid/agency/" + agency.id() + "/logo.svg");
    g.writeStringField("providers", "/" + agency.id() + "/providers");
    g.writeArrayFieldStart("stories");
    g.writeEndArray();
    g.writeStringField("parameters", "/" + agency.id() + "/parameters");
    g.writeStringField("subscription", "/" + agency.id() + "/subscription");
    g.writeEndObject();
  }
}
