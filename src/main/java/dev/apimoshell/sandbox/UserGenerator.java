package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * Agency users (agents): the contract's documented fields first, in the order of its example, then
 * what live answers add ({@code language}, {@code spoken_languages}, {@code city}, ...). Properties
 * embed the same fields.
 */
final class UserGenerator {

  /** The facts about a user that other records (properties, actions) repeat. */
  record User(
      long id,
      int agency,
      boolean active,
      long created,
      long updated,
      String firstname,
      String lastname,
      int group,
      String email,
      String phone,
      String mobile,
      String fax,
      String birthday,
      String picture,
      String language,
      List<String> spokenLanguages,
      Vocabulary.City city) {}

  private static final List<List<String>> SPOKEN =
      List.of(
          List.of("fr_FR"),
          List.of("fr_FR", "en_GB"),
          List.of("fr_FR", "en_GB", "it_IT"),
          List.of("fr_FR", "de_DE"),
          List.of("en_GB", "fr_FR", "es_ES"),
          List.of());

  private final long seed;
  private final int[] groups;

  UserGenerator(long seed, Catalogs catalogs) {
    this.seed = seed;
    this.groups = catalogs.codes("user_group");
  }

  User user(AgencySpec agency, long index) {
    Rng rng = Rng.of(seed, agency.id(), Rng.Kind.USER, index);
    long id = agency.userId(index);
    String first = rng.pick(Vocabulary.FIRST_NAMES);
    String last = rng.pick(Vocabulary.LAST_NAMES);
    boolean active = index == 0 || !rng.chance(0.15);
    long created = rng.between(Dates.ORIGIN, Dates.NOW - 3 * 365 * 86_400L);
    long updated = rng.between(created, Dates.NOW);
    int group = index < groups.length ? groups[(int) index] : rng.pick(groups);
    // An address and a mobile always, a phone and a fax often null: see docs/apimo-contract.md.
    String email = Vocabulary.ascii(first) + "." + Vocabulary.ascii(last) + "@" + domain(agency);
    String phone = rng.chance(0.3) ? null : "+334" + rng.between(10_000_000, 99_999_999);
    String mobile = "+336" + rng.between(10_000_000, 99_999_999);
    String fax = rng.chance(0.8) ? null : "+334" + rng.between(10_000_000, 99_999_999);
    String birthday =
        Dates.date(
            Dates.local(Dates.ORIGIN)
                .toLocalDate()
                .minusYears(rng.between(20, 55))
                .plusDays(rng.between(0, 364)));
    String picture =
        rng.chance(0.25)
            ? null
            : "https://static.sandbox.invalid/uploads/user/" + id + "/picture_200.jpg";
    List<String> spoken = rng.pick(SPOKEN);
    String language = spoken.isEmpty() || rng.chance(0.8) ? "fr_FR" : spoken.get(0);
    Vocabulary.City city = rng.chance(0.1) ? null : Vocabulary.CITIES.get(agency.cityIndex());
    return new User(
        id,
        agency.id(),
        active,
        created,
        updated,
        first,
        last,
        group,
        email,
        phone,
        mobile,
        fax,
        birthday,
        picture,
        language,
        spoken,
        city);
  }

  static String domain(AgencySpec agency) {
    return Vocabulary.ascii(agency.name()) + ".example.fr";
  }

  /** A listed user: ids and codes as strings, as {@code /users} sends them. */
  void write(JsonGenerator g, AgencySpec agency, long index) throws IOException {
    writeUser(g, user(agency, index), true);
  }

  /**
   * Every field of a user, as listed ({@code stringIds}) or as a property embeds it (numbers, like
   * the rest of a property).
   */
  static void writeUser(JsonGenerator g, User u, boolean stringIds) throws IOException {
    g.writeStartObject();
    number(g, "id", u.id(), stringIds);
    number(g, "agency", u.agency(), stringIds);
    g.writeBooleanField("active", u.active());
    g.writeStringField("created_at", Dates.dateTime(u.created()));
    g.writeStringField("updated_at", Dates.dateTime(u.updated()));
    g.writeStringField("firstname", u.firstname());
    g.writeStringField("lastname", u.lastname());
    g.writeStringField(
        "username",
        Vocabulary.ascii(u.firstname()).charAt(0) + Vocabulary.ascii(u.lastname()) + u.id());
    g.writeStringField("password", "*********");
    number(g, "group", u.group(), stringIds);
    g.writeStringField("email", u.email());
    g.writeStringField("phone", u.phone());
    g.writeStringField("mobile", u.mobile());
    g.writeStringField("fax", u.fax());
    g.writeStringField("birthday_at", u.birthday());
    g.writeStringField("timezone", "Europe/Paris");
    g.writeStringField("picture", u.picture());
    g.writeStringField("language", u.language());
    g.writeArrayFieldStart("spoken_languages");
    for (String spoken : u.spokenLanguages()) {
      g.writeString(spoken);
    }
    g.writeEndArray();
    if (u.city() == null) {
      g.writeNullField("city");
    } else {
      g.writeObjectFieldStart("city");
      number(g, "id", u.city().id(), stringIds);
      g.writeStringField("name", u.city().name());
      g.writeEndObject();
    }
    g.writeArrayFieldStart("partners");
    g.writeEndArray();
    g.writeArrayFieldStart("stories");
    g.writeEndArray();
    g.writeNullField("rates");
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, long value, boolean asString)
      throws IOException {
    if (asString) {
      Json.idField(g, name, value);
    } else {
      g.writeNumberField(name, value);
    }
  }
}
