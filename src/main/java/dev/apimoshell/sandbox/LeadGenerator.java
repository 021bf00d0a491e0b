package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Leads from portals and the agency's website, with the fields a real lead body carries. */
final class LeadGenerator {

  private final long seed;
  private final int scale;
  private final int[] types;
  private final int[] steps;

  LeadGenerator(long seed, int scale, Catalogs catalogs) {
    this.seed = seed;
    this.scale = scale;
    this.types = catalogs.codes("lead_type");
    this.steps = catalogs.codes("lead_step");
  }

  long count(AgencySpec agency) {
    return agency.leads(scale);
  }

  Stamps stamps(AgencySpec agency, long index) {
    return Stamps.draw(Rng.of(seed, agency.id(), Rng.Kind.LEAD, index), index, count(agency));
  }

  void write(JsonGenerator g, AgencySpec agency, long index) throws IOException {
    Rng rng = Rng.of(seed, agency.id(), Rng.Kind.LEAD, index);
    Stamps stamps = Stamps.draw(rng, index, count(agency));
    String first = rng.pick(Vocabulary.FIRST_NAMES);
    String last = rng.pick(Vocabulary.LAST_NAMES);
    boolean aboutProperty = rng.chance(0.7);
    long property = rng.between(0L, agency.properties(scale) - 1);
    g.writeStartObject();
    Json.idField(g, "id", agency.recordId(Rng.Kind.LEAD, index));
    g.writeStringField("reference", "L" + (index + 1));
    g.writeStringField("date", Dates.dateTime(stamps.created()));
    Json.idField(g, "step", (long) rng.pick(steps));
    Json.idField(g, "type", (long) rng.pick(types));
    g.writeStringField("language", rng.chance(0.8) ? "fr" : "en");
    g.writeStringField("country", "FR");
    g.writeStringField("lastname", last);
    g.writeStringField("firstname", rng.chance(0.1) ? null : first);
    g.writeStringField(
        "email",
        rng.chance(0.1)
            ? ""
            : Vocabulary.ascii(first) + "." + Vocabulary.ascii(last) + "@example.net");
    g.writeStringField(
        "phone", rng.chance(0.4) ? null : "+336" + rng.between(10_000_000, 99_999_999));
    g.writeStringField("message", rng.chance(0.2) ? "" : rng.pick(Vocabulary.CONTENTS));
    Json.idField(
        g, "property", aboutProperty ? agency.recordId(Rng.Kind.PROPERTY, property) : null);
    g.writeStringField(
        "property_reference", aboutProperty ? String.valueOf(1000 + property) : null);
    g.writeStringField("created_at", Dates.dateTime(stamps.created()));
    g.writeStringField("updated_at", Dates.dateTime(stamps.updated()));
    g.writeEndObject();
  }
}
