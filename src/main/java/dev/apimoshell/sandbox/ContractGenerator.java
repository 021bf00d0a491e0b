package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Signed contracts (sales, leases); ids and amounts as strings, as Apimo sends them here. */
final class ContractGenerator {

  private final long seed;
  private final int scale;

  ContractGenerator(long seed, int scale) {
    this.seed = seed;
    this.scale = scale;
  }

  long count(AgencySpec agency) {
    return agency.contracts(scale);
  }

  Stamps stamps(AgencySpec agency, long index) {
    return Stamps.draw(Rng.of(seed, agency.id(), Rng.Kind.CONTRACT, index), index, count(agency));
  }

  void write(JsonGenerator g, AgencySpec agency, long index) throws IOException {
    Rng rng = Rng.of(seed, agency.id(), Rng.Kind.CONTRACT, index);
    Stamps stamps = Stamps.draw(rng, index, count(agency));
    boolean sale = rng.chance(0.6);
    long price = sale ? rng.between(90, 4_500) * 1000L : rng.between(5, 60) * 100L;
    g.writeStartObject();
    Json.idField(g, "id", agency.recordId(Rng.Kind.CONTRACT, index));
    g.writeStringField(
        "reference", "C-" + Dates.local(stamps.created()).getYear() + "-" + (index + 1));
    Json.idField(g, "type", sale ? 1L : 2L);
    Json.idField(
        g,
        "property",
        agency.recordId(Rng.Kind.PROPERTY, rng.between(0L, agency.properties(scale) - 1)));
    Json.idField(g, "user", agency.userId(rng.between(0L, agency.users() - 1)));
    g.writeArrayFieldStart("contacts");
    for (int i = 0, n = rng.between(1, 2); i < n; i++) {
      g.writeString(
          String.valueOf(
              agency.recordId(Rng.Kind.CONTACT, rng.between(0L, agency.contacts(scale) - 1))));
    }
    g.writeEndArray();
    g.writeStringField("price", String.valueOf(price));
    g.writeStringField(
        "commission",
        sale ? String.valueOf(price * rng.between(3, 6) / 100) : String.valueOf(price));
    g.writeStringField("currency", "EUR");
    g.writeStringField("signed_at", Dates.date(stamps.created()));
    g.writeStringField("start_at", Dates.date(stamps.created() + rng.between(0, 90) * 86_400L));
    g.writeStringField("end_at", sale ? null : Dates.date(stamps.created() + 3 * 365 * 86_400L));
    g.writeStringField(
        "comment", rng.chance(0.7) ? "" : "Clause suspensive d'obtention de prêt, 20 000 €.");
    g.writeStringField("created_at", Dates.dateTime(stamps.created()));
    g.writeStringField("updated_at", Dates.dateTime(stamps.updated()));
    g.writeEndObject();
  }
}
