package dev.apimoshell.sandbox;

import static dev.apimoshell.sandbox.SandboxHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Paging through every list endpoint yields each record once; filters agree with the full lists.
 */
class SandboxPagingTest {

  /** 2015-01-01 00:00 Europe/Paris, a timestamp in the middle of the generated history. */
  private static final long SINCE = 1420066800L;

  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withSeed(7));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static Stream<Arguments> endpoints() {
    return Stream.of(
        Arguments.of("/agencies", "agencies", 10, 5),
        Arguments.of("/agencies/14/users", "users", 10_000, 40),
        Arguments.of("/agencies/21/users/2105/actions", "actions", 1_000, 100),
        Arguments.of("/agencies/14/users/9/actions", "actions", 1_000, 250),
        Arguments.of("/agencies/14/users/9/actions?type=3", "actions", 1_000, -1),
        Arguments.of("/agencies/14/properties", "properties", 1_000, 500),
        Arguments.of("/agencies/14/properties?step=1", "properties", 1_000, -1),
        Arguments.of("/agencies/14/properties?timestamp=" + SINCE, "properties", 1_000, -1),
        Arguments.of("/agencies/14/contacts", "contacts", 10_000, 2000),
        Arguments.of("/agencies/37/contacts?timestamp=" + SINCE, "contacts", 10_000, -1),
        Arguments.of("/agencies/14/requests", "requests", 1_000, 300),
        Arguments.of("/agencies/14/contracts", "contracts", 10_000, 200),
        Arguments.of("/agencies/73/contracts?timestamp=" + SINCE, "contracts", 10_000, -1),
        Arguments.of("/agencies/14/leads", "leads", 1_000, 400),
        Arguments.of("/agencies/21/leads?timestamp=" + SINCE, "leads", 1_000, -1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void pagingYieldsEveryRecordExactlyOnceWithAConstantTotal(
      String path, String key, int max, int expectedTotal) {
    List<String> reference = null;
    for (int pageSize : new int[] {7, 64, max}) {
      List<String> ids = pageThrough(path, key, pageSize);
      assertThat(new HashSet<>(ids)).as("page size %d: no duplicates", pageSize).hasSameSizeAs(ids);
      if (reference == null) {
        reference = ids;
      } else {
        assertThat(ids)
            .as("page size %d: same records in the same order", pageSize)
            .isEqualTo(reference);
      }
    }
    if (expectedTotal >= 0) {
      assertThat(reference).hasSize(expectedTotal);
    } else {
      assertThat(reference).isNotEmpty();
    }
  }

  /**
   * Pages until offset >= total_items, checking total_items never changes; returns the ids seen.
   */
  private static List<String> pageThrough(String path, String key, int pageSize) {
    String separator = path.contains("?") ? "&" : "?";
    List<String> ids = new ArrayList<>();
    long total = -1;
    for (long offset = 0; total < 0 || offset < total; offset += pageSize) {
      JsonNode body =
          get(sandbox, path + separator + "limit=" + pageSize + "&offset=" + offset).json();
      long pageTotal = body.get("total_items").asLong();
      assertThat(total).as("total_items at offset %d", offset).isIn(-1L, pageTotal);
      total = pageTotal;
      JsonNode records = body.get(key);
      assertThat(records.size()).isEqualTo((int) Math.min(pageSize, total - offset));
      records.forEach(r -> ids.add(r.get("id").asText()));
    }
    return ids;
  }

  @Test
  void typeFilterSelectsExactlyTheActionsOfThatType() {
    JsonNode all = get(sandbox, "/agencies/14/users/9/actions").json().get("actions");
    for (int type = 1; type <= 7; type++) {
      String code = String.valueOf(type);
      JsonNode filtered = get(sandbox, "/agencies/14/users/9/actions?type=" + type).json();
      assertThat(ids(filtered.get("actions")))
          .isEqualTo(ids(all, a -> a.get("type").asText().equals(code)));
      assertThat(filtered.get("total_items").asInt()).isEqualTo(filtered.get("actions").size());
    }
    assertThat(
            get(sandbox, "/agencies/14/users/9/actions?type=42").json().get("total_items").asInt())
        .isZero();
  }

  @Test
  void propertyFiltersAgreeWithTheFullList() {
    JsonNode all = get(sandbox, "/agencies/14/properties").json().get("properties");
    assertThat(ids(get(sandbox, "/agencies/14/properties?step=3").json().get("properties")))
        .isEqualTo(ids(all, p -> p.get("step").asInt() == 3))
        .isNotEmpty();
    assertThat(
            ids(get(sandbox, "/agencies/14/properties?status=1&group=1").json().get("properties")))
        .isEqualTo(ids(all, p -> p.get("status").asInt() == 1 && p.get("category").asInt() == 1))
        .isNotEmpty();
    JsonNode since = get(sandbox, "/agencies/14/properties?timestamp=" + SINCE).json();
    assertThat(ids(since.get("properties")))
        .isEqualTo(ids(all, changedSince(SINCE)))
        .isNotEmpty()
        .hasSizeLessThan(all.size());
    long latest = 0;
    for (JsonNode p : all) {
      latest = Math.max(latest, epoch(p.get("updated_at").asText()));
    }
    assertThat(since.get("timestamp").asLong()).isEqualTo(latest);
  }

  @Test
  void timestampFilterOnContactsContractsAndLeads() {
    for (String kind : List.of("contacts", "contracts", "leads")) {
      JsonNode all = get(sandbox, "/agencies/14/" + kind).json().get(kind);
      JsonNode since =
          get(sandbox, "/agencies/14/" + kind + "?timestamp=" + SINCE).json().get(kind);
      assertThat(ids(since))
          .as(kind)
          .isEqualTo(ids(all, changedSince(SINCE)))
          .hasSizeLessThan(all.size());
    }
  }

  private static Predicate<JsonNode> changedSince(long since) {
    return r ->
        epoch(r.get("created_at").asText()) >= since
            || epoch(r.get("updated_at").asText()) >= since;
  }

  private static long epoch(String dateTime) {
    return LocalDateTime.parse(dateTime, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
        .atZone(ZoneId.of("Europe/Paris"))
        .toEpochSecond();
  }

  private static List<String> ids(JsonNode records) {
    return ids(records, r -> true);
  }

  private static List<String> ids(JsonNode records, Predicate<JsonNode> filter) {
    List<String> ids = new ArrayList<>();
    records.forEach(
        r -> {
          if (filter.test(r)) {
            ids.add(r.get("id").asText());
          }
        });
    return ids;
  }

  @Test
  void recordIdsAreUniqueAcrossAgencies() {
    Set<String> contacts = new HashSet<>();
    for (String agency : List.of("14", "21", "37", "58", "73")) {
      get(sandbox, "/agencies/" + agency + "/contacts")
          .json()
          .get("contacts")
          .forEach(c -> assertThat(contacts.add(c.get("id").asText())).isTrue());
    }
  }
}
