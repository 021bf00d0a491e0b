package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * The GET endpoints of the contract: from a parsed request to the JSON body to send. Transport
 * concerns (auth, rate limit, gzip) live in {@link SandboxHandler}.
 */
final class SandboxApi {

  /** Page size maxima; a larger {@code limit} is clamped to them. */
  static final int MAX_USERS = 10_000;

  static final int MAX_CONTACTS = 10_000;
  static final int MAX_CONTRACTS = 10_000;
  static final int MAX_ACTIONS = 1_000;
  static final int MAX_PROPERTIES = 1_000;
  static final int MAX_OTHERS = 1_000;

  private final SandboxData data;

  SandboxApi(SandboxData data) {
    this.data = data;
  }

  Json.Body agencies(Map<String, String> query) {
    List<AgencySpec> linked = Agencies.linked();
    return Listing.of(
        "agencies",
        Page.from(query, MAX_OTHERS),
        Matches.all(linked.size()),
        (g, i) -> data.agencies.write(g, linked.get((int) i)),
        List.of(),
        g -> g.writeNumberField("timestamp", data.agencies.latestUpdate(linked)));
  }

  Json.Body users(AgencySpec agency, Map<String, String> query) {
    return Listing.of(
        "users",
        Page.from(query, MAX_USERS),
        Matches.all(agency.users()),
        (g, i) -> data.users.write(g, agency, i),
        List.of());
  }

  Json.Body actions(AgencySpec agency, String userId, Map<String, String> query) {
    long userIndex = userIndex(agency, userId);
    Integer type = Filters.integer(query, "type");
    Matches matches =
        type == null || (type >= 1 && type <= 7)
            ? data.actions.matches(agency, userIndex, type)
            : Matches.all(0);
    List<ObjectNode> created =
        data.postedActions.matching(
            agency.id(),
            e ->
                e.json().path("user").asText().equals(userId)
                    && (type == null || e.json().path("type").asText().equals(type.toString())));
    return Listing.of(
        "actions",
        Page.from(query, MAX_ACTIONS),
        matches,
        data.actions.writer(agency, userIndex),
        created);
  }

  static long userIndex(AgencySpec agency, String userId) {
    long index;
    try {
      index = agency.userIndex(Long.parseLong(userId));
    } catch (NumberFormatException e) {
      index = -1;
    }
    if (index < 0) {
      throw HttpError.notFound("unknown user " + userId + " in agency " + agency.id());
    }
    return index;
  }

  Json.Body properties(AgencySpec agency, Map<String, String> query) {
    Long since = Filters.longValue(query, "timestamp");
    Integer step = Filters.integer(query, "step");
    Integer status = Filters.integer(query, "status");
    Integer group = Filters.integer(query, "group");
    Predicate<PropertyGenerator.Facts> filter =
        f ->
            (since == null || f.stamps().since(since))
                && (step == null || f.step() == step)
                && (status == null || f.status() == status)
                && (group == null || f.category() == group);
    long size = data.properties.count(agency);
    Matches selected =
        since == null && step == null && status == null && group == null
            ? Matches.all(size)
            : Matches.scan(size, i -> filter.test(facts(agency, i)));
    return Listing.of(
        "properties",
        Page.from(query, MAX_PROPERTIES),
        selected,
        (g, i) -> writeProperty(g, agency, i),
        List.of(),
        g -> {
          g.writeNumberField("timestamp", latestUpdate(agency, size, filter));
          g.writeNumberField("processing_time", 0);
        });
  }

  /**
   * The {@code timestamp} Apimo adds to property lists: the most recent change among the matches.
   */
  private long latestUpdate(
      AgencySpec agency, long size, Predicate<PropertyGenerator.Facts> filter) {
    long latest = 0;
    for (long i = 0; i < size; i++) {
      PropertyGenerator.Facts facts = facts(agency, i);
      if (filter.test(facts)) {
        latest = Math.max(latest, facts.stamps().updated());
      }
    }
    return latest;
  }

  private PropertyGenerator.Facts facts(AgencySpec agency, long index) {
    return data.propertyChanges.facts(
        agency.recordId(Rng.Kind.PROPERTY, index), data.properties.facts(agency, index));
  }

  /** A generated property as is, or rendered to a tree and changed when a test changed it. */
  private void writeProperty(JsonGenerator g, AgencySpec agency, long index) throws IOException {
    long id = agency.recordId(Rng.Kind.PROPERTY, index);
    if (!data.propertyChanges.touched(id)) {
      data.properties.write(g, agency, index);
      return;
    }
    TokenBuffer buffer = new TokenBuffer(Json.MAPPER, false);
    data.properties.write(buffer, agency, index);
    ObjectNode record = Json.MAPPER.readTree(buffer.asParser());
    data.propertyChanges.applyTo(id, record);
    g.writeTree(record);
  }

  Json.Body contacts(AgencySpec agency, Map<String, String> query) {
    Long since = Filters.longValue(query, "timestamp");
    return Listing.of(
        "contacts",
        Page.from(query, MAX_CONTACTS),
        sinceMatches(data.contacts.count(agency), since, i -> data.contacts.stamps(agency, i)),
        (g, i) -> data.contacts.write(g, agency, i),
        List.of());
  }

  Json.Body requests(AgencySpec agency, Map<String, String> query) {
    return Listing.of(
        "requests",
        Page.from(query, MAX_OTHERS),
        Matches.all(data.requests.count(agency)),
        (g, i) -> data.requests.write(g, agency, i),
        List.of());
  }

  Json.Body contracts(AgencySpec agency, Map<String, String> query) {
    Long since = Filters.longValue(query, "timestamp");
    return Listing.of(
        "contracts",
        Page.from(query, MAX_CONTRACTS),
        sinceMatches(data.contracts.count(agency), since, i -> data.contracts.stamps(agency, i)),
        (g, i) -> data.contracts.write(g, agency, i),
        List.of());
  }

  Json.Body leads(AgencySpec agency, Map<String, String> query) {
    Long since = Filters.longValue(query, "timestamp");
    List<ObjectNode> created =
        data.postedLeads.matching(agency.id(), e -> since == null || e.epoch() >= since);
    return Listing.of(
        "leads",
        Page.from(query, MAX_OTHERS),
        sinceMatches(data.leads.count(agency), since, i -> data.leads.stamps(agency, i)),
        (g, i) -> data.leads.write(g, agency, i),
        created);
  }

  private static Matches sinceMatches(long size, Long since, LongFunction<Stamps> stamps) {
    return since == null
        ? Matches.all(size)
        : Matches.scan(size, i -> stamps.apply(i).since(since));
  }

  Json.Body catalogs(String baseUrl) {
    return g -> data.catalogs.writeIndex(g, baseUrl);
  }

  Json.Body catalog(String name, Map<String, String> query) {
    String culture = query.getOrDefault("culture", "fr");
    Catalogs.language(culture);
    return g -> data.catalogs.writeCatalog(g, name, culture);
  }
}
