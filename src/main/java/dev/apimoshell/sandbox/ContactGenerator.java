package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The agency's contacts (buyers, sellers, tenants). */
final class ContactGenerator {

  private final long seed;
  private final int scale;
  private final int[] titles;
  private final int[] tags;

  ContactGenerator(long seed, int scale, Catalogs catalogs) {
    this.seed = seed;
    this.scale = scale;
    this.titles = catalogs.codes("contact_title");
    this.tags = catalogs.codes("tags");
  }

  long count(AgencySpec agency) {
    return agency.contacts(scale);
  }

  Stamps stamps(AgencySpec agency, long index) {
    return Stamps.draw(Rng.of(seed, agency.id(), Rng.Kind.CONTACT, index), index, count(agency));
  }

  void write(JsonGenerator g, AgencySpec agency, long index) throws IOException {
    Rng rng = Rng.of(seed, agency.id(), Rng.Kind.CONTACT, index);
    Stamps stamps = Stamps.draw(rng, index, count(agency));
    int category = rng.chance(0.75) ? 1 : rng.between(2, 3);
    String first = rng.pick(Vocabulary.FIRST_NAMES);
    String last = rng.pick(Vocabulary.LAST_NAMES);
    Vocabulary.City city = rng.pick(Vocabulary.CITIES);
    g.writeStartObject();
    Json.idField(g, "id", agency.recordId(Rng.Kind.CONTACT, index));
    Json.idField(g, "category", (long) category);
    Json.idField(g, "title", rng.chance(0.2) ? null : (long) rng.pick(titles));
    g.writeStringField("lastname", category == 3 ? "SCI " + last + ", Associés" : last);
    g.writeStringField("firstname", rng.chance(0.05) ? "" : first);
    g.writeStringField(
        "email",
        rng.chance(0.15)
            ? null
            : Vocabulary.ascii(first) + "." + Vocabulary.ascii(last) + index + "@example.com");
    g.writeStringField(
        "phone",
        rng.chance(0.5) ? null : "+33" + rng.between(1, 5) + rng.between(10_000_000, 99_999_999));
    g.writeStringField(
        "mobile", rng.chance(0.2) ? null : "+336" + rng.between(10_000_000, 99_999_999));
    g.writeStringField(
        "address", rng.chance(0.1) ? "" : rng.between(1, 120) + " " + rng.pick(Vocabulary.STREETS));
    PropertyGenerator.writeCity(g, city);
    g.writeStringField(
        "country", rng.chance(0.9) ? "FR" : rng.pick(new String[] {"CH", "BE", "GB", "DE"}));
    g.writeStringField(
        "birthday_at",
        rng.chance(0.6)
            ? null
            : Dates.date(
                Dates.local(stamps.created())
                    .toLocalDate()
                    .minusYears(rng.between(20, 70))
                    .minusDays(rng.between(0, 364))));
    g.writeArrayFieldStart("tags");
    if (rng.chance(0.3)) {
      g.writeNumber(rng.pick(tags));
    }
    g.writeEndArray();
    g.writeStringField("language", rng.chance(0.8) ? "fr" : "en");
    g.writeStringField("job", rng.pick(Vocabulary.JOBS));
    g.writeStringField("created_at", Dates.dateTime(stamps.created()));
    g.writeStringField("updated_at", Dates.dateTime(stamps.updated()));
    g.writeEndObject();
  }
}
