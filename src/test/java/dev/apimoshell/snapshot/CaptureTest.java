package dev.apimoshell.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.PageListener;
import dev.apimoshell.internal.export.Exporter;
import dev.apimoshell.internal.export.Table;
import dev.apimoshell.internal.snapshot.Manifest;
import dev.apimoshell.internal.snapshot.Resource;
import dev.apimoshell.internal.snapshot.SnapshotFolder;
import dev.apimoshell.model.NewAction;
import dev.apimoshell.model.NewLead;
import dev.apimoshell.model.RawRecord;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.testing.SandboxClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Captures, resumes and refreshes of a sandbox agency, checked against the sandbox's own pages. */
class CaptureTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Agency 58, a tenth of agency 14's records: what these tests check does not depend on the
   * volume, and each capture costs a tenth.
   */
  private static final int AGENCY = 58;

  /**
   * Pages of this size give agency 58 about as many pages (130) as agency 14 has in pages of 100.
   */
  private static final int PAGE = 10;

  private static final List<String> LISTS =
      List.of("users", "properties", "contacts", "requests", "contracts", "leads");

  /**
   * A sandbox no test changes, and {@link #pristine} the capture of its agency, made once for the
   * class. The tests that compare a resumed capture with "the whole capture" capture from this
   * sandbox. The tests that start from "a snapshot already there" copy it into their own sandbox:
   * every sandbox serves the same records (seed 42, a fixed "now"); only the catalog index names
   * another port, as after any restart of a server.
   */
  private static Sandbox untouched;

  private static Path pristine;

  @TempDir static Path shared;
  @TempDir Path dir;
  private Sandbox sandbox;
  private ApimoClient client;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void captureOnce() {
    untouched = Sandbox.start();
    pristine = shared.resolve("agency-" + AGENCY);
    new Capture(
            SandboxClients.unthrottled(untouched).agency(AGENCY),
            pristine,
            0,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run();
  }

  @AfterAll
  static void stopUntouched() {
    untouched.close();
  }

  /** {@code target} holding the capture of the untouched agency, as {@code capture(target, 0)}. */
  private static Path captured(Path target) throws IOException {
    copyFolder(pristine, target);
    return target;
  }

  @BeforeEach
  void start() {
    sandbox = Sandbox.start();
    client = SandboxClients.unthrottled(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private SnapshotSummary capture(Path target, int pageSize) {
    return new Capture(
            client.agency(AGENCY),
            target,
            pageSize,
            new PrintStream(printed, true, StandardCharsets.UTF_8))
        .run();
  }

  @Test
  void captureHoldsEveryListByteForByteAsTheSandboxSentIt() throws Exception {
    Path target = dir.resolve("agency-" + AGENCY);
    long before = sandbox.requestCount();

    SnapshotSummary summary = capture(target, 0);
    long spent = sandbox.requestCount() - before;

    for (String list : LISTS) {
      byte[] body =
          get(
              "/agencies/"
                  + AGENCY
                  + "/"
                  + list
                  + "?limit="
                  + (List.of("users", "contacts", "contracts").contains(list) ? 10000 : 1000));
      assertThat(linesOf(target.resolve(list + ".ndjson")))
          .as(list)
          .isEqualTo(recordsOf(body, list));
      assertThat(summary.count(list)).as(list).isEqualTo(totalOf(body)).isPositive();
    }
    var actions = new ArrayList<String>();
    for (JsonNode user :
        MAPPER.readTree(get("/agencies/" + AGENCY + "/users?limit=10000")).get("users")) {
      actions.addAll(
          recordsOf(
              get(
                  "/agencies/"
                      + AGENCY
                      + "/users/"
                      + user.get("id").asText()
                      + "/actions?limit=1000"),
              "actions"));
    }
    assertThat(linesOf(target.resolve("actions.ndjson"))).isEqualTo(actions).isNotEmpty();

    for (JsonNode info : MAPPER.readTree(get("/catalogs"))) {
      String name = info.get("name").textValue();
      for (String culture : List.of("fr", "en")) {
        assertThat(SnapshotFolder.catalogFile(target, name, culture))
            .hasBinaryContent(get("/catalogs/" + name + "?culture=" + culture));
      }
    }
    assertThat(target.resolve("catalogs/index.json")).hasBinaryContent(get("/catalogs"));
    assertThat(MAPPER.readTree(target.resolve("agency.json").toFile()).get("id").asLong())
        .isEqualTo(AGENCY);

    Manifest manifest = Manifest.read(target);
    assertThat(manifest.complete()).isTrue();
    assertThat(manifest.agency()).isEqualTo(AGENCY);
    assertThat(manifest.provider()).isEqualTo(sandbox.provider());
    assertThat(manifest.baseUrl()).isEqualTo(ServerIdentity.SANDBOX); // its port changes
    assertThat(manifest.cultures()).containsExactly("fr", "en");
    assertThat(manifest.entry(Resource.PROPERTIES).timestamp()).isPositive();
    assertThat(manifest.entry(Resource.LEADS).incremental()).isTrue();
    assertThat(manifest.entry(Resource.USERS).incremental()).isFalse();
    assertThat(summary.requests()).isEqualTo(manifest.requests()).isEqualTo(spent);
    assertThat(summary.toString()).startsWith(target + ": agency " + AGENCY + " captured, ");

    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(78));
    assertThat(summary.toString().lines())
        .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(78));
    // 6 lists counted, and the catalog list read to know what the catalogs will cost.
    assertThat(unwrapped(out).lines().findFirst().orElseThrow())
        .startsWith(
            "Capture of agency "
                + AGENCY
                + " into "
                + target
                + ": 7 requests to count, then about ")
        .contains("no daily quota is counted for " + sandbox.baseUrl());
    assertThat(Files.exists(WorkFolder.beside(target, "capture"))).isFalse();
    assertNoToken(target, out);
  }

  @Test
  void anInterruptedCaptureResumesWithoutGapOrDuplicate() throws Exception {
    Path whole = pristine;
    client = SandboxClients.unthrottled(untouched);

    Path target = dir.resolve("agency-" + AGENCY);
    Path work = WorkFolder.beside(target, "capture");
    var pages = new AtomicInteger();
    int every = 13; // pages between failures: lands at the start, middle and end of lists
    PageListener failing =
        (path, fetched, expected) -> {
          if (pages.incrementAndGet() % every == 0) {
            throw new IllegalStateException("connection reset (test)");
          }
        };
    ApimoClient plain = client;
    client = client.withPageListener(failing);
    int interruptions = 0;
    boolean halfRead = false;
    while (true) {
      try {
        capture(target, PAGE);
        break;
      } catch (SnapshotException e) {
        interruptions++;
        assertThat(e.getMessage())
            .contains("connection reset (test)", "run the same capture again to resume");
        assertThat(Manifest.read(work).complete()).isFalse();
        assertThat(target).doesNotExist();
        try (Stream<Path> files = Files.walk(work)) {
          for (Path part : files.filter(f -> f.toString().endsWith(".ndjson.part")).toList()) {
            halfRead |= Files.size(part) > 0;
            Files.writeString(part, "{\"id\":\"12", java.nio.file.StandardOpenOption.APPEND);
          }
        }
      }
      assertThat(interruptions).isLessThan(100);
    }
    client = plain;

    assertThat(interruptions).isGreaterThan(3);
    assertThat(halfRead).as("some list was interrupted in its middle").isTrue();
    assertThat(filesOf(target)).isEqualTo(filesOf(whole));
    assertThat(Capture.counts(Manifest.read(target)))
        .isEqualTo(Capture.counts(Manifest.read(whole)));
  }

  @Test
  void aFailedCaptureLeavesThePreviousOneWhole() throws Exception {
    Path target = captured(dir.resolve("agency-" + AGENCY));
    Map<String, String> before = filesOf(target);
    byte[] manifest = Files.readAllBytes(target.resolve(Manifest.FILE_NAME));
    PageListener failing =
        (path, fetched, expected) -> {
          if (path.endsWith("/contacts")) {
            throw new IllegalStateException("network down (test)");
          }
        };
    ApimoClient plain = client;
    client = client.withPageListener(failing);

    assertThatThrownBy(() -> capture(target, 0))
        .isInstanceOf(SnapshotException.class)
        .hasMessageContaining("network down (test)");

    client = plain;
    assertThat(filesOf(target)).isEqualTo(before);
    assertThat(target.resolve(Manifest.FILE_NAME)).hasBinaryContent(manifest);
    assertThat(Manifest.read(WorkFolder.beside(target, "capture")).complete()).isFalse();
  }

  @Test
  void aFolderThatIsNotASnapshotIsNeverReplaced() throws Exception {
    Path mine = Files.createDirectories(dir.resolve("documents"));
    Files.writeString(mine.resolve("letter.txt"), "keep me");
    Path file = Files.writeString(dir.resolve("notes.txt"), "keep me too");

    assertThatThrownBy(() -> capture(mine, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot capture into "
                + mine
                + ": the folder holds files but no snapshot, and a capture replaces the whole"
                + " folder; name a new folder");
    assertThatThrownBy(() -> capture(file, 0))
        .hasMessage("Cannot capture into " + file + ": it is a file; name a folder");

    assertThat(mine.resolve("letter.txt")).hasContent("keep me");
    assertThat(file).hasContent("keep me too");
    assertThat(sandbox.requestCount()).isZero();
  }

  @Test
  void ctrlCStopsACaptureThatResumesLater() throws Exception {
    Path whole = pristine;
    client = SandboxClients.unthrottled(untouched);
    Path target = dir.resolve("agency-" + AGENCY);
    var pages = new AtomicInteger();
    PageListener ctrlC =
        (path, fetched, expected) -> {
          if (pages.incrementAndGet() == 20) {
            Thread.currentThread().interrupt(); // what the shell does on Ctrl-C
          }
        };
    ApimoClient plain = client;
    client = client.withPageListener(ctrlC);

    assertThatThrownBy(() -> capture(target, PAGE))
        .isInstanceOf(CancellationException.class)
        .hasMessageContaining("run the same capture again to resume it");
    assertThat(Thread.interrupted()).isTrue();
    assertThat(target).doesNotExist();

    SnapshotSummary resumed = capture(target, PAGE);
    client = plain;
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Resuming the capture in ");
    assertThat(filesOf(target)).isEqualTo(filesOf(whole));
    assertThat(resumed.counts()).isEqualTo(Capture.counts(Manifest.read(whole)));
  }

  @Test
  void aFailedRefreshLeavesTheSnapshotAsItWas() throws Exception {
    Path target = captured(dir.resolve("agency-" + AGENCY));
    Map<String, String> before = filesOf(target);
    byte[] manifest = Files.readAllBytes(target.resolve(Manifest.FILE_NAME));
    client.agency(AGENCY).sendLead(NewLead.of("Lefèvre", "h@example.com"));
    PageListener failing =
        (path, fetched, expected) -> {
          if (path.endsWith("/leads")) {
            throw new IllegalStateException("network down (test)");
          }
        };
    ApimoClient plain = client;
    client = client.withPageListener(failing);

    assertThatThrownBy(
            () ->
                new Refresh(
                        client.agency(AGENCY),
                        SnapshotFolder.open(target),
                        0,
                        new PrintStream(printed))
                    .run())
        .isInstanceOf(SnapshotException.class)
        .hasMessageContaining("network down (test)")
        .hasMessageEndingWith("the snapshot is unchanged: run it again");

    client = plain;
    assertThat(filesOf(target)).isEqualTo(before);
    assertThat(target.resolve(Manifest.FILE_NAME)).hasBinaryContent(manifest);
    assertThat(WorkFolder.beside(target, "refresh")).doesNotExist();
  }

  @Test
  void refreshAfterALeadAnActionAndAPriceChangeCostsLessEndsEqualToACaptureAndDiffsExactly()
      throws Exception {
    Path target = captured(dir.resolve("agency-" + AGENCY));
    Path monday = dir.resolve("agency-" + AGENCY + "@monday");
    copyFolder(target, monday);
    long property =
        MAPPER
            .readTree(get("/agencies/" + AGENCY + "/properties?limit=1&offset=7"))
            .get("properties")
            .get(0)
            .get("id")
            .asLong();
    sandbox.changePropertyPrice(AGENCY, property, 123_456);
    long user =
        MAPPER
            .readTree(get("/agencies/" + AGENCY + "/users?limit=1"))
            .get("users")
            .get(0)
            .get("id")
            .asLong();
    long lead =
        client.agency(AGENCY).sendLead(NewLead.of("Lefèvre", "h@example.com").message("Visit?"));
    long action =
        client
            .agency(AGENCY)
            .createAction(NewAction.of(user, LocalDate.now()).type(1).subject("Call"));
    printed.reset();

    long before = sandbox.requestCount();
    SnapshotSummary summary =
        new Refresh(
                client.agency(AGENCY),
                SnapshotFolder.open(target),
                0,
                new PrintStream(printed, true, StandardCharsets.UTF_8))
            .run();
    long refreshCost = sandbox.requestCount() - before;

    assertThat(printed.toString(StandardCharsets.UTF_8).lines())
        .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(78));
    assertThat(
            unwrapped(printed.toString(StandardCharsets.UTF_8)).lines().findFirst().orElseThrow())
        .startsWith("Refresh of " + target + " (agency " + AGENCY + ", ")
        .contains("no daily quota is counted");
    assertThat(refreshCost).isEqualTo(summary.requests());
    assertThat(summary.captureCost()).isGreaterThan(summary.requests());
    assertThat(summary.readAgain()).containsExactly("users", "actions", "requests");
    assertThat(summary.toString()).contains("refreshed", "a capture would cost about");
    assertThat(byId(target.resolve("leads.ndjson"))).containsKey(lead);
    assertThat(byId(target.resolve("actions.ndjson"))).containsKey(action);
    JsonNode changed = MAPPER.readTree(byId(target.resolve("properties.ndjson")).get(property));
    assertThat(changed.get("price").get("value").asLong()).isEqualTo(123_456L);

    Path fresh = dir.resolve("fresh");
    long start = sandbox.requestCount();
    capture(fresh, 0);
    long captureCost = sandbox.requestCount() - start;
    assertThat(refreshCost).isLessThan(captureCost);
    for (Resource resource : Resource.values()) {
      assertThat(byId(target.resolve(resource.fileName())))
          .as(resource.listKey())
          .isEqualTo(byId(fresh.resolve(resource.fileName())));
    }
    Manifest refreshed = Manifest.read(target);
    assertThat(refreshed.entry(Resource.LEADS).count())
        .isEqualTo(Manifest.read(fresh).entry(Resource.LEADS).count());
    assertThat(refreshed.requests()).isEqualTo(summary.requests());
    assertThat(SnapshotFolder.catalogFile(target, "property_type", "fr"))
        .hasSameBinaryContentAs(SnapshotFolder.catalogFile(fresh, "property_type", "fr"));
    assertNoToken(target, printed.toString(StandardCharsets.UTF_8));

    SnapshotDiff diff = Snapshot.diff(monday, target);
    assertThat(diff.changes())
        .extracting(c -> c.resource() + " " + c.id() + " " + c.kind() + " " + c.field())
        .containsExactlyInAnyOrder(
            "actions " + action + " ADDED null",
            "leads " + lead + " ADDED null",
            "properties " + property + " CHANGED price.value",
            "properties " + property + " CHANGED updated_at");
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Files.copy(path, to.resolve(from.relativize(path).toString()));
      }
    }
  }

  @Test
  void rawRecordsKeepTheBytesAndShowAsTheirJson() throws Exception {
    List<RawRecord> users = client.agency(AGENCY).raw("users").limit(3).list();
    List<String> sent = recordsOf(get("/agencies/" + AGENCY + "/users?limit=3"), "users");

    assertThat(users).extracting(RawRecord::text).isEqualTo(sent);
    assertThat(users.get(0).id()).isEqualTo(MAPPER.readTree(sent.get(0)).get("id").asLong());
    assertThat(Table.render(users, List.of("id", "lastname"), 80, ""))
        .contains(users.get(0).tree().get("lastname").asText());
    Path file = dir.resolve("users.ndjson");
    Exporter.export(users.stream(), file.toString());
    assertThat(MAPPER.readTree(Files.readAllLines(file).get(0)).get("id"))
        .isEqualTo(users.get(0).tree().get("id"));
    assertThat(RawRecord.of(sent.get(1).getBytes(StandardCharsets.UTF_8))).isEqualTo(users.get(1));
    assertThatThrownBy(() -> client.agency(AGENCY).raw("nope"))
        .hasMessage(
            "No list 'nope' in an agency: users, properties, contacts, requests, contracts or"
                + " leads");
  }

  @Test
  void aChangeOnAPageAlreadyReadIsFoundByTheNextRefresh() throws Exception {
    Path target = captured(dir.resolve("agency-" + AGENCY));
    JsonNode changes =
        MAPPER.readTree(get("/agencies/" + AGENCY + "/properties?limit=1000")).get("properties");
    for (JsonNode property : changes) {
      sandbox.changePropertyPrice(AGENCY, property.get("id").asLong(), 200_000);
    }
    long since = Manifest.read(target).entry(Resource.PROPERTIES).timestamp();
    JsonNode firstPage =
        MAPPER.readTree(get("/agencies/" + AGENCY + "/properties?limit=100&timestamp=" + since));
    long first = firstPage.get("properties").get(0).get("id").asLong();
    long other = firstPage.get("properties").get(1).get("id").asLong();
    var pages = new AtomicInteger();
    PageListener changeAfterFirstPage =
        (path, fetched, expected) -> {
          if (path.endsWith("/properties") && fetched >= PAGE && pages.getAndIncrement() == 0) {
            sandbox.changePropertyPrice(AGENCY, first, 300_000); // its page is read: too late
            try {
              Thread.sleep(1_100); // a later second for the next change
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            sandbox.changePropertyPrice(AGENCY, other, 300_000); // the next pages' timestamp
          }
        };
    ApimoClient plain = client;
    client = client.withPageListener(changeAfterFirstPage);
    refresh(target, PAGE);
    client = plain;
    assertThat(pages.get()).isGreaterThan(1);

    refresh(target, PAGE);

    JsonNode property = MAPPER.readTree(byId(target.resolve("properties.ndjson")).get(first));
    assertThat(property.get("price").get("value").asLong()).isEqualTo(300_000L);
  }

  private SnapshotSummary refresh(Path target, int pageSize) {
    return new Refresh(
            client.agency(AGENCY),
            SnapshotFolder.open(target),
            pageSize,
            new PrintStream(printed, true, StandardCharsets.UTF_8))
        .run();
  }

  @Test
  void aSnapshotOfAnotherAgencyIsNeverReplaced() throws Exception {
    Path target = captured(dir.resolve("agency-" + AGENCY));
    Map<String, String> before = filesOf(target);
    long requests = sandbox.requestCount();

    assertThatThrownBy(
            () -> new Capture(client.agency(15), target, 0, new PrintStream(printed)).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            target
                + " holds a snapshot of agency "
                + AGENCY
                + " from "
                + Manifest.read(target).baseUrl()
                + "; choose another folder or delete it");

    assertThat(sandbox.requestCount()).isEqualTo(requests);
    assertThat(filesOf(target)).isEqualTo(before);
    assertThat(WorkFolder.beside(target, "capture")).doesNotExist();
  }

  @Test
  void aWrongAgencyIsOneLineAfterOneRequestAndCreatesNothing() {
    Path target = dir.resolve("agency-999");

    assertThatThrownBy(
            () -> new Capture(client.agency(999), target, 0, new PrintStream(printed)).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "agency 999 is not among the agencies provider "
                + sandbox.provider()
                + " can see (Apimo.agencies() lists them)");

    assertThat(sandbox.requestCount()).isEqualTo(1);
    assertThat(target).doesNotExist();
    assertThat(WorkFolder.beside(target, "capture")).doesNotExist();
  }

  /** The printed text with its wrapped lines joined again. */
  private static String unwrapped(String text) {
    return text.replace("\n  ", " ");
  }

  private void assertNoToken(Path folder, String printed) throws IOException {
    assertThat(printed).doesNotContain(sandbox.token());
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(sandbox.token());
      }
    }
  }

  private byte[] get(String pathAndQuery) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (sandbox.provider() + ":" + sandbox.token()).getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
                .header("Authorization", "Basic " + basic)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
    return response.body();
  }

  /** The records of a page's list, each as the exact text the page holds. */
  private static List<String> recordsOf(byte[] body, String list) throws IOException {
    var records = new ArrayList<String>();
    try (JsonParser p = MAPPER.createParser(body)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (!name.equals(list)) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          int from = (int) p.currentTokenLocation().getByteOffset();
          p.skipChildren();
          int to = (int) p.currentLocation().getByteOffset();
          records.add(new String(body, from, to - from, StandardCharsets.UTF_8));
        }
      }
    }
    return records;
  }

  private static long totalOf(byte[] body) throws IOException {
    return MAPPER.readTree(body).get("total_items").asLong();
  }

  private static List<String> linesOf(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  private static Map<Long, String> byId(Path file) throws IOException {
    var records = new LinkedHashMap<Long, String>();
    for (String line : linesOf(file)) {
      records.put(MAPPER.readTree(line).get("id").asLong(), line);
    }
    return records;
  }

  /** Every file but the manifest, by path, with its bytes. */
  private static Map<String, String> filesOf(Path folder) throws IOException {
    var files = new TreeMap<String, String>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().equals(Manifest.FILE_NAME)) {
          files.put(folder.relativize(file).toString(), Files.readString(file));
        }
      }
    }
    return files;
  }
}
