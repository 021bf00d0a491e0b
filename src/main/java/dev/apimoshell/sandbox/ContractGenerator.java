package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Apimo's contract list (sales, leases); ids, codes and amounts as strings, as Apimo sends them.
 */
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

  /**
   * One entry of Apimo's contract list: the signed price, the agency's commission, and the
   * commission's split between agents in {@code entries}.
   */
  void write(JsonGenerator g, AgencySpec agency, long index) throws IOException {
    Rng rng = Rng.of(seed, agency.id(), Rng.Kind.CONTRACT, index);
    Stamps stamps = Stamps.draw(rng, index, count(agency));
    boolean sale = rng.chance(0.6);
    long price = sale ? rng.between(90, 4_500) * 1000L : rng.between(5, 60) * 100L;
    long commission = sale ? price * rng.between(3, 6) / 100 : price;
    long id = agency.recordId(Rng.Kind.CONTRACT, index);
    g.writeStartObject();
    Json.idField(g, "id", id);
    g.writeStringField("step", String.valueOf(STEPS[rng.between(0, STEPS.length - 1)]));
    g.writeStringField("price_net", String.valueOf(price));
    g.writeStringField("commission_agency", String.valueOf(commission));
    g.writeStringField("contract_at", Dates.date(stamps.created()));
    g.writeStringField("created_at", Dates.dateTime(stamps.created()));
    g.writeStringField("updated_at", Dates.dateTime(stamps.updated()));
    Json.idField(
        g,
        "property",
        agency.recordId(Rng.Kind.PROPERTY, rng.between(0L, agency.properties(scale) - 1)));
    g.writeArrayFieldStart("contacts");
    for (int i = 0, n = rng.between(1, 2); i < n; i++) {
      g.writeString(
          String.valueOf(
              agency.recordId(Rng.Kind.CONTACT, rng.between(0L, agency.contacts(scale) - 1))));
    }
    g.writeEndArray();
    g.writeArrayFieldStart("entries");
    int agents = rng.chance(0.7) ? 1 : 2;
    for (int e = 1; e <= agents; e++) {
      long amount = commission / agents;
      g.writeStartObject();
      Json.idField(g, "id", id * 10 + e);
      Json.idField(g, "user", agency.userId(rng.between(0L, agency.users() - 1)));
      g.writeStringField("amount", String.valueOf(amount));
      g.writeStringField("vat", String.valueOf(amount / 5));
      g.writeStringField("vat_rate", "20.00");
      g.writeStringField("type", "1");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Contract steps as Apimo numbers them; most listed contracts are signed (4). */
  private static final int[] STEPS = {4, 4, 4, 4, 3, 2, 1};
}
