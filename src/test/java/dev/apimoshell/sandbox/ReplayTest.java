package dev.apimoshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.api.AgencyRef;
import dev.apimoshell.http.ApimoException;
import dev.apimoshell.model.ApimoRecord;
import dev.apimoshell.model.NewLead;
import dev.apimoshell.model.User;
import dev.apimoshell.testing.SandboxClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A snapshot of sandbox agency 14, replayed: every endpoint answers as the live sandbox did, byte
 * for byte over HTTP and record for record through the client.
 */
class ReplayTest {

  /** 2025-01-01 00:00 Europe/Paris: part of the generated history changed after it. */
  private static final long SINCE = 1735686000L;

  private static final String[] CATALOGS = {"property_type", "action_type", "user_group"};

  @TempDir static Path tmp;

  private static Sandbox live;
  private static Sandbox replay;
  private static Path folder;

  @BeforeAll
  static void capture() throws IOException {
    live = Sandbox.start();
    folder = SnapshotFixture.write(live, 14, tmp.resolve("agency-14"), CATALOGS);
    replay = Sandbox.start(SandboxOptions.snapshot(folder));
  }

  @AfterAll
  static void stop() {
    live.close();
    replay.close();
  }

  static Stream<String> sameAnswers() {
    String a = "/agencies/14";
    return Stream.of(
        a + "/users",
        a + "/users?limit=7&offset=35",
        a + "/users/9/actions",
        a + "/users/9/actions?type=2",
        a + "/users/9/actions?type=2&limit=10&offset=40",
        a + "/users/40/actions?type=7",
        a + "/users/9/actions?type=9",
        a + "/users/09/actions?limit=3",
        a + "/users/999/actions",
        a + "/users/abc/actions",
        a + "/users/9/actions?type=abc",
        a + "/properties",
        a + "/properties?limit=1000",
        a + "/properties?limit=50&offset=475",
        a + "/properties?timestamp=" + SINCE,
        a + "/properties?step=1",
        a + "/properties?status=1&group=2",
        a + "/properties?timestamp=" + SINCE + "&step=3&limit=5&offset=2",
        a + "/properties?timestamp=9999999999",
        a + "/contacts",
        a + "/contacts?limit=10&offset=1995",
        a + "/contacts?offset=5000",
        a + "/contacts?timestamp=" + SINCE,
        a + "/requests",
        a + "/requests?limit=1000&offset=299",
        a + "/contracts?timestamp=" + SINCE,
        a + "/contracts",
        a + "/leads",
        a + "/leads?timestamp=" + SINCE + "&limit=20&offset=3",
        a + "/leads?limit=-1",
        a + "/nothing",
        "/agencies/12345/users",
        "/catalogs/property_type",
        "/catalogs/property_type?culture=fr",
        "/catalogs/property_type?culture=en",
        "/catalogs/property_type?culture=fr_FR",
        "/catalogs/action_type?culture=en_GB",
        "/catalogs/user_group?culture=de");
  }

  @ParameterizedTest
  @MethodSource
  void sameAnswers(String pathAndQuery) {
    SandboxHttp.Reply fromLive = SandboxHttp.get(live, pathAndQuery);
    SandboxHttp.Reply fromReplay = SandboxHttp.get(replay, pathAndQuery);
    assertThat(fromReplay.status()).isEqualTo(fromLive.status());
    if (fromLive.status() == 200 || !pathAndQuery.startsWith("/agencies/12345")) {
      assertThat(fromReplay.text()).isEqualTo(fromLive.text());
    }
  }

  @Test
  void theCatalogListNamesWhatTheSnapshotHoldsAsLiveListedItUnderTheReplaysAddress() {
    JsonNode replayed = SandboxHttp.get(replay, "/catalogs").json();
    JsonNode listed = SandboxHttp.get(live, "/catalogs").json();

    assertThat(replayed.findValuesAsText("name")).containsExactlyInAnyOrder(CATALOGS);
    for (JsonNode info : replayed) {
      String name = info.get("name").textValue();
      assertThat(info.get("path").textValue()).isEqualTo(replay.baseUrl() + "/catalogs/" + name);
      JsonNode liveInfo =
          java.util.stream.StreamSupport.stream(listed.spliterator(), false)
              .filter(l -> l.get("name").textValue().equals(name))
              .findFirst()
              .orElseThrow();
      assertThat(info.get("private")).isEqualTo(liveInfo.get("private"));
    }
  }

  @Test
  void theAgencyListHoldsTheSnapshotsAgencyAsLiveListedIt() {
    SandboxHttp.Reply replayed = SandboxHttp.get(replay, "/agencies");
    assertThat(replayed.json().path("total_items").asInt()).isEqualTo(1);
    List<String> agencies = elementsOf(SandboxHttp.get(live, "/agencies").body(), "agencies");
    assertThat(elementsOf(replayed.body(), "agencies")).containsExactly(agencies.get(0));
  }

  @Test
  void theClientReadsEveryResourceAsFromTheLiveSandbox() {
    ApimoClient fromLive = client(live);
    ApimoClient fromReplay = client(replay);
    AgencyRef l = fromLive.agency(14);
    AgencyRef r = fromReplay.agency(14);
    List<User> users = l.users().list();
    assertSame(r.users().list(), users, 40);
    for (User user : users) {
      assertSame(r.user(user.id()).actions().list(), l.user(user.id()).actions().list(), 250);
      assertSame(
          r.user(user.id()).actions().type(2).list(),
          l.user(user.id()).actions().type(2).list(),
          -1);
    }
    Instant since = Instant.ofEpochSecond(SINCE);
    assertSame(r.properties().list(), l.properties().list(), 500);
    assertSame(
        r.properties().since(since).step(1).list(), l.properties().since(since).step(1).list(), -1);
    assertSame(
        r.properties().status(1).group(1).list(), l.properties().status(1).group(1).list(), -1);
    assertSame(r.contacts().list(), l.contacts().list(), 2000);
    assertSame(r.contacts().since(since).list(), l.contacts().since(since).list(), -1);
    assertSame(r.requests().list(), l.requests().list(), 300);
    assertSame(r.contracts().since(since).list(), l.contracts().since(since).list(), -1);
    assertSame(r.leads().since(since).list(), l.leads().since(since).list(), -1);
    assertSame(
        fromReplay.agencies().list(), fromLive.agencies().where(a -> a.id() == 14).list(), 1);
    for (String name : CATALOGS) {
      assertThat(fromReplay.catalog(name)).isEqualTo(fromLive.catalog(name));
      assertThat(fromReplay.culture("en").catalog(name))
          .isEqualTo(fromLive.culture("en").catalog(name));
    }
    assertThat(r.properties().first().orElseThrow().typeLabel())
        .isEqualTo(l.properties().first().orElseThrow().typeLabel());
  }

  @Test
  void pagesAcrossBoundariesAndServerTimeAsLive() {
    var l = client(live).agency(14);
    var r = client(replay).agency(14);
    assertSame(
        r.contacts().pageSize(7).offset(3).limit(40).list(),
        l.contacts().pageSize(7).offset(3).limit(40).list(),
        40);
    assertSame(
        r.user(9).actions().type(1).pageSize(13).list(),
        l.user(9).actions().type(1).pageSize(13).list(),
        -1);
    var lq = l.properties().since(Instant.ofEpochSecond(SINCE)).pageSize(9);
    var rq = r.properties().since(Instant.ofEpochSecond(SINCE)).pageSize(9);
    assertThat(rq.count()).isEqualTo(lq.count());
    assertSame(rq.list(), lq.list(), -1);
    assertThat(rq.serverTime()).isPresent().isEqualTo(lq.serverTime());
  }

  /**
   * The same records, field for field (their {@code toString} shows every component), and the same
   * JSON; only the client each was read through differs. {@code size} -1: any number but none.
   */
  private static <T extends ApimoRecord> void assertSame(
      List<T> replayed, List<T> fromLive, int size) {
    if (size < 0) {
      assertThat(fromLive).isNotEmpty();
    } else {
      assertThat(fromLive).hasSize(size);
    }
    assertThat(
            replayed.stream()
                .map(r -> r.toString().replace(replay.baseUrl(), live.baseUrl()))
                .toList())
        .isEqualTo(fromLive.stream().map(Object::toString).toList());
    assertThat(replayed.stream().map(ApimoRecord::toJson).toList())
        .isEqualTo(fromLive.stream().map(ApimoRecord::toJson).toList());
  }

  @Test
  void otherAgenciesAreNotInTheSnapshot() {
    SandboxHttp.Reply reply = SandboxHttp.get(replay, "/agencies/21/users");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.text()).contains("agency 21 is not in this snapshot (it holds agency 14)");
    assertThat(SandboxHttp.get(replay, "/agencies/99/leads").status()).isEqualTo(404);
    assertThatThrownBy(() -> client(replay).agency(21).users().first())
        .isInstanceOf(ApimoException.NotFoundException.class);
  }

  @Test
  void credentialsAreTheSandboxsNeverTheCapturedOnes() throws IOException {
    assertThat(SandboxHttp.getWith(replay, "/agencies/14/users").status()).isEqualTo(401);
    assertThat(Files.readString(folder.resolve("manifest.json"))).doesNotContain(live.token());
  }

  @Test
  void postsAreServedFromMemoryAndNeverWrittenToTheFolder() throws IOException {
    Map<Path, String> before = contents(folder);
    try (Sandbox own = Sandbox.start(SandboxOptions.snapshot(folder))) {
      AgencyRef agency = client(own).agency(14);
      long id = agency.sendLead(NewLead.of("Lefèvre", "h@example.com").message("Bonjour"));
      assertThat(agency.leads().list())
          .hasSize(401)
          .last()
          .satisfies(l -> assertThat(l.id()).isEqualTo(id));
      assertThat(agency.leads().since(Instant.now().minusSeconds(60)).list())
          .singleElement()
          .satisfies(l -> assertThat(l.id()).isEqualTo(id));
      SandboxHttp.Reply refused =
          SandboxHttp.post(
              own, "/agencies/14/actions", "{\"user\":\"77\",\"date\":\"2026-12-01\"}");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.text()).contains("user 77 is not a user of agency 14");
      SandboxHttp.Reply action =
          SandboxHttp.post(
              own, "/agencies/14/actions", "{\"user\":\"9\",\"date\":\"2026-12-01\",\"type\":2}");
      assertThat(action.status()).isEqualTo(200);
      assertThat(agency.user(9).actions().type(2).list())
          .last()
          .satisfies(a -> assertThat(a.id()).isEqualTo(action.json().path("id").asLong()));
    }
    assertThat(contents(folder)).isEqualTo(before);
  }

  @Test
  void aDamagedFolderIsRefusedInOneLine() throws IOException {
    assertRefused(tmp.resolve("nowhere"), "No snapshot at");
    Path noManifest = copy("no-manifest");
    Files.delete(noManifest.resolve("manifest.json"));
    assertRefused(noManifest, "it has no manifest.json");
    Path brokenLine = copy("broken-line");
    List<String> lines = Files.readAllLines(brokenLine.resolve("properties.ndjson"));
    lines.set(3, lines.get(3).substring(0, 100));
    Files.write(brokenLine.resolve("properties.ndjson"), lines);
    assertRefused(brokenLine, "record 4 of properties.ndjson is damaged");
    Path shortFile = copy("short");
    List<String> contacts = Files.readAllLines(shortFile.resolve("contacts.ndjson"));
    Files.write(shortFile.resolve("contacts.ndjson"), contacts.subList(0, 1999));
    assertRefused(shortFile, "contacts.ndjson holds 1999 records where manifest.json says 2000");
    Path missing = copy("missing");
    Files.delete(missing.resolve("leads.ndjson"));
    assertRefused(missing, "leads.ndjson is missing");
    Path unfinished = copy("unfinished");
    String manifest = Files.readString(unfinished.resolve("manifest.json"));
    Files.writeString(
        unfinished.resolve("manifest.json"),
        manifest.replace("\"complete\" : true", "\"complete\" : false"));
    assertRefused(unfinished, "the capture did not finish");
    Path badManifest = copy("bad-manifest");
    Files.writeString(badManifest.resolve("manifest.json"), "{\"format\":");
    assertRefused(badManifest, "manifest.json is damaged");
  }

  @Test
  void aChangedPriceMovesTheRecordAndTheTimestampLiveAndReplayed() {
    for (Sandbox sandbox :
        List.of(Sandbox.start(), Sandbox.start(SandboxOptions.snapshot(folder)))) {
      try (sandbox) {
        long id = 5140000007L;
        String before = property(sandbox, id);
        long start = Instant.now().getEpochSecond();
        assertThat(
                SandboxHttp.get(sandbox, "/agencies/14/properties?timestamp=" + start)
                    .json()
                    .path("total_items")
                    .asInt())
            .isZero();
        sandbox.changePropertyPrice(14, id, 123_456);
        SandboxHttp.Reply changed =
            SandboxHttp.get(sandbox, "/agencies/14/properties?timestamp=" + start);
        assertThat(changed.json().path("total_items").asInt()).isEqualTo(1);
        assertThat(changed.json().path("properties").get(0).path("id").asLong()).isEqualTo(id);
        assertThat(changed.json().path("properties").get(0).path("price").path("value").asLong())
            .isEqualTo(123_456);
        assertThat(changed.json().path("timestamp").asLong()).isGreaterThanOrEqualTo(start);
        assertThat(
                SandboxHttp.get(sandbox, "/agencies/14/properties")
                    .json()
                    .path("timestamp")
                    .asLong())
            .isGreaterThanOrEqualTo(start);
        var after =
            SandboxHttp.get(sandbox, "/agencies/14/properties?timestamp=" + start)
                .json()
                .path("properties")
                .get(0);
        var was = new com.fasterxml.jackson.databind.ObjectMapper().readTree(before);
        ((com.fasterxml.jackson.databind.node.ObjectNode) was.path("price")).put("value", 123_456);
        ((com.fasterxml.jackson.databind.node.ObjectNode) was)
            .set("updated_at", after.path("updated_at"));
        assertThat(after).isEqualTo(was);
        assertThatThrownBy(() -> sandbox.changePropertyPrice(14, 42, 1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("no property 42 in agency 14");
        assertThatThrownBy(() -> sandbox.changeProperty(14, id, "price.nope", 1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("has no field price.nope");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static String property(Sandbox sandbox, long id) throws IOException {
    for (String p :
        elementsOf(SandboxHttp.get(sandbox, "/agencies/14/properties").body(), "properties")) {
      if (p.startsWith("{\"id\":" + id + ",")) {
        return p;
      }
    }
    throw new AssertionError("no property " + id);
  }

  private static List<String> elementsOf(byte[] body, String key) {
    try {
      return SnapshotFixture.rawElements(body, key);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertRefused(Path dir, String message) {
    assertThatThrownBy(() -> Sandbox.start(SandboxOptions.snapshot(dir)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private static Path copy(String name) throws IOException {
    Path target = tmp.resolve(name);
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Files.copy(source, target.resolve(folder.relativize(source).toString()));
      }
    }
    return target;
  }

  private static Map<Path, String> contents(Path dir) throws IOException {
    Map<Path, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          all.put(file, Files.readString(file));
        }
      }
    }
    return all;
  }

  private static ApimoClient client(Sandbox sandbox) {
    return SandboxClients.unthrottled(sandbox);
  }
}
