package dev.apimoshell.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimoshell.api.AgencyRef;
import dev.apimoshell.api.Query;
import dev.apimoshell.http.ApimoException;
import dev.apimoshell.http.QuotaUsage;
import dev.apimoshell.internal.client.Catalogs;
import dev.apimoshell.internal.client.Session;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.internal.snapshot.Manifest;
import dev.apimoshell.internal.snapshot.Resource;
import dev.apimoshell.internal.snapshot.SnapshotFolder;
import dev.apimoshell.internal.text.Text;
import dev.apimoshell.model.RawRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Captures one agency into a snapshot folder (see {@link SnapshotFolder}): says what it will cost,
 * reads every list as Apimo sent it into a work folder beside the target, then moves it in place.
 * Run again after an interruption, it resumes: finished lists are not read again, a half-read one
 * goes on from its last whole record.
 */
final class Capture {
  static final List<String> CULTURES = List.of("fr", "en");
  private static final ObjectMapper MAPPER = Json.plain();
  private static final List<Resource> LISTS =
      List.of(
          Resource.PROPERTIES,
          Resource.CONTACTS,
          Resource.REQUESTS,
          Resource.CONTRACTS,
          Resource.LEADS);

  private final AgencyRef agency;
  private final Session session;
  private final Path target;
  private final Path work;
  private final int pageSize;
  private final SnapshotListener out;
  private final Map<Resource, Manifest.Entry> done = new LinkedHashMap<>();
  private CaptureProgress progress;
  private long earlierRequests;

  /**
   * @param pageSize records per request, 0 for each endpoint's maximum (smaller in tests)
   */
  Capture(AgencyRef agency, Path target, int pageSize, PrintStream out) {
    this(agency, target, pageSize, SnapshotListener.printing(out));
  }

  Capture(AgencyRef agency, Path target, int pageSize, SnapshotListener out) {
    this.agency = agency;
    this.session = agency.session();
    this.target = target;
    this.work = WorkFolder.beside(target, "capture");
    this.pageSize = pageSize;
    this.out = out;
  }

  /** Runs it holding the folder's {@link FolderLock}: one writer per folder. */
  SnapshotSummary run() {
    try (FolderLock lock = FolderLock.take(target, "capture into")) {
      return runLocked();
    }
  }

  private SnapshotSummary runLocked() {
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new IllegalArgumentException(
          "Cannot capture into " + target + ": it is a file; name a folder");
    }
    if (Files.isDirectory(target)
        && !Files.exists(target.resolve(Manifest.FILE_NAME))
        && !isEmpty(target)) {
      throw new IllegalArgumentException(
          "Cannot capture into "
              + target
              + ": the folder holds files but no snapshot, and a capture replaces the whole"
              + " folder; name a new folder");
    }
    refuseAnotherSource();
    long start = System.nanoTime();
    try (RequestCount requests = RequestCount.on(session.http())) {
      RawRecord details = details(agency, provider());
      try {
        open();
        estimate();
        capture(details, requests);
      } catch (CancellationException e) {
        var stop = new CancellationException(stopped(e.getMessage()));
        stop.initCause(e);
        throw stop;
      } catch (RuntimeException e) {
        throw new SnapshotException(stopped(e.getMessage()), e);
      } catch (IOException e) {
        throw new SnapshotException(stopped("cannot write in " + work + ": " + e), e);
      } finally {
        saveRequests(requests);
      }
      Manifest manifest = Manifest.read(target);
      return new SnapshotSummary(
          target,
          agency.id(),
          false,
          counts(manifest),
          manifest.requests(),
          Duration.ofNanos(System.nanoTime() - start),
          0,
          List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the snapshot in " + target, e);
    }
  }

  /** A complete snapshot of another agency, API or provider is never replaced by this one. */
  private void refuseAnotherSource() {
    if (!Files.exists(target.resolve(Manifest.FILE_NAME))) {
      return;
    }
    Manifest there;
    try {
      there = Manifest.read(target);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the snapshot in " + target, e);
    }
    if (there.agency() != agency.id()
        || !ServerIdentity.same(there.baseUrl(), baseUrl())
        || !String.valueOf(there.provider()).equals(String.valueOf(provider()))) {
      throw new IllegalArgumentException(
          target
              + " holds a snapshot of agency "
              + there.agency()
              + " from "
              + there.baseUrl()
              + (String.valueOf(there.provider()).equals(String.valueOf(provider()))
                  ? ""
                  : " (provider " + there.provider() + ")")
              + "; choose another folder or delete it");
    }
  }

  /** Why a capture or refresh stopped, to put in brackets: no full stop, never null. */
  static String reason(String why) {
    String reason = why == null ? "" : why.strip();
    return reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
  }

  /** The agency as {@code GET /agencies} lists it, or one line saying it is not there. */
  static RawRecord details(AgencyRef agency, String provider) {
    return agency
        .rawDetails()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "agency "
                        + agency.id()
                        + " is not among the agencies provider "
                        + provider
                        + " can see (Apimo.agencies() lists them)"));
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the folder " + dir, e);
    }
  }

  private String stopped(String why) {
    return "The capture of agency "
        + agency.id()
        + " stopped ("
        + reason(why)
        + "); what it read is kept in "
        + work
        + ": run the same capture again to resume it";
  }

  /** Opens the work folder of an interrupted capture of the same agency, or starts one. */
  private void open() throws IOException {
    if (Files.exists(work.resolve(Manifest.FILE_NAME))) {
      Manifest previous = Manifest.read(work);
      if (sameSource(previous)) {
        for (Resource resource : Resource.values()) {
          Manifest.Entry entry = previous.entry(resource);
          if (entry != null) {
            done.put(resource, entry);
          }
        }
        earlierRequests = previous.requests();
        progress = CaptureProgress.read(work);
        out.onProgress(
            "Resuming the capture in "
                + work.getFileName()
                + " ("
                + done.size()
                + " of "
                + Resource.values().length
                + " lists done)");
        return;
      }
    }
    WorkFolder.deleteTree(work);
    Files.createDirectories(work);
    progress = CaptureProgress.read(work);
    writeManifest(0, false);
  }

  private boolean sameSource(Manifest previous) {
    return previous.format() == Manifest.FORMAT
        && previous.agency() == agency.id()
        && ServerIdentity.same(previous.baseUrl(), baseUrl())
        && String.valueOf(previous.provider()).equals(String.valueOf(provider()));
  }

  /** Counts the lists still to read and says what the capture will cost. */
  private void estimate() throws IOException {
    long counting = 0;
    long requests = 0;
    long users;
    if (done.containsKey(Resource.USERS)) {
      users = done.get(Resource.USERS).count();
    } else {
      Query<RawRecord> query = list(Resource.USERS);
      users = query.count();
      counting++;
      progress.start(Resource.USERS, query.serverTime());
      requests += pages(users, Resource.USERS);
    }
    if (!done.containsKey(Resource.ACTIONS)) {
      requests += users; // one per user at least
    }
    for (Resource resource : LISTS) {
      if (!done.containsKey(resource)) {
        Query<RawRecord> query = list(resource);
        long count = query.count();
        counting++;
        progress.start(resource, query.serverTime());
        requests += pages(count, resource);
      }
    }
    progress.write(work);
    if (!Files.exists(catalogIndex()) && !session.catalogs().cached(null, null)) {
      counting++;
    }
    requests += uncachedCatalogs();
    out.onProgress(costLine(counting, requests, users));
  }

  private long pages(long count, Resource resource) {
    int size = pageSize > 0 ? pageSize : maxPageSize(resource);
    return Math.max(1, (count + size - 1) / size);
  }

  /** Apimo's most records a page for the list, as {@link AgencyRef}'s queries ask. */
  static int maxPageSize(Resource resource) {
    return switch (resource) {
      case USERS, CONTACTS, CONTRACTS -> 10_000;
      default -> 1_000;
    };
  }

  private long uncachedCatalogs() throws IOException {
    Catalogs catalogs = session.catalogs();
    long missing = 0;
    for (String name : offeredCatalogs()) {
      for (String culture : CULTURES) {
        if (!Files.exists(SnapshotFolder.catalogFile(work, name, culture))
            && !catalogs.cached(name, culture)) {
          missing++;
        }
      }
    }
    return missing;
  }

  private String costLine(long counting, long requests, long users) {
    String line =
        String.format(
            Locale.ROOT,
            "Capture of agency %d into %s: %,d %s to count, then about %,d more (actions: at least"
                + " one per user, %,d users)",
            agency.id(),
            target,
            counting,
            counting == 1 ? "request" : "requests",
            requests,
            users);
    return Text.wrapLines(line + "; " + quotaShare(counting + requests, session) + ".");
  }

  /** "6.1 % of today's 1,000 (312 used, 688 left)", or why there is no quota. */
  static String quotaShare(long requests, Session session) {
    Optional<QuotaUsage> quota = session.http().quota();
    if (quota.isEmpty()) {
      return "no daily quota is counted for " + session.http().config().baseUrl();
    }
    QuotaUsage q = quota.get();
    String share =
        String.format(
            Locale.ROOT,
            "%.1f %% of today's %,d (%,d used, %,d left)",
            requests * 100.0 / Math.max(1, q.limit()),
            q.limit(),
            q.used(),
            q.remaining());
    return requests > q.remaining()
        ? share
            + "; Apimo will refuse the rest with 429 until midnight Paris time (run it again"
            + " then: it resumes)"
        : share;
  }

  private void capture(RawRecord details, RequestCount requests) throws IOException {
    if (!Files.exists(work.resolve("agency.json"))) {
      WorkFolder.write(work.resolve("agency.json"), details.bytes());
    }
    read(Resource.USERS, list(Resource.USERS), requests);
    actions(requests);
    for (Resource resource : LISTS) {
      read(resource, list(resource), requests);
    }
    catalogs();
    writeManifest(requests.value(), true);
    progress.delete(work);
    WorkFolder.replace(work, target);
  }

  private Query<RawRecord> list(Resource resource) {
    Query<RawRecord> query = agency.raw(resource.listKey());
    return pageSize > 0 ? query.pageSize(pageSize) : query;
  }

  private void read(Resource resource, Query<RawRecord> query, RequestCount requests)
      throws IOException {
    if (done.containsKey(resource)) {
      return;
    }
    progress.start(resource, Optional.empty());
    long count = WorkFolder.readInto(query, work.resolve(resource.fileName()), size(resource));
    progress.start(resource, query.serverTime());
    finish(resource, count, requests);
  }

  /** Every user's actions, one part file per user, then one file in the users' order. */
  private void actions(RequestCount requests) throws IOException {
    if (done.containsKey(Resource.ACTIONS)) {
      return;
    }
    progress.start(Resource.ACTIONS, Optional.empty());
    long count =
        actions(
            agency,
            work,
            size(Resource.ACTIONS),
            query -> progress.start(Resource.ACTIONS, query.serverTime()));
    finish(Resource.ACTIONS, count, requests);
  }

  /**
   * Reads every user's actions into {@code work/actions.ndjson}: one part file per user in {@code
   * work/actions/}, which an interrupted run resumes, then one file in the users' order.
   *
   * @param afterEach told of each user's query once read
   * @return the actions read
   */
  static long actions(
      AgencyRef agency, Path work, int pageSize, Consumer<Query<RawRecord>> afterEach)
      throws IOException {
    Path dir = work.resolve("actions");
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    long count = 0;
    try (Stream<byte[]> users = WorkFolder.lineBytes(work.resolve(Resource.USERS.fileName()))) {
      for (Iterator<byte[]> it = users.iterator(); it.hasNext(); ) {
        long user = RawRecord.of(it.next()).id();
        if (user <= 0) {
          continue;
        }
        Query<RawRecord> query = agency.user(user).rawActions().pageSize(pageSize);
        Path file = dir.resolve(user + ".ndjson");
        count += WorkFolder.readInto(query, file, pageSize);
        afterEach.accept(query);
        files.add(file);
      }
    }
    WorkFolder.concatenate(files, work.resolve(Resource.ACTIONS.fileName()));
    WorkFolder.deleteTree(dir);
    return count;
  }

  private int size(Resource resource) {
    return pageSize > 0 ? pageSize : maxPageSize(resource);
  }

  private void finish(Resource resource, long count, RequestCount requests) throws IOException {
    CaptureProgress.Started started = progress.started(resource);
    done.put(
        resource,
        new Manifest.Entry(
            resource.fileName(),
            count,
            started.timestamp(),
            resource.incremental(),
            started.fetchedAt()));
    progress.write(work);
    writeManifest(requests.value(), false);
  }

  /**
   * Every catalog Apimo offers, in each culture: the records use codes of catalogs the typed
   * records do not name ({@code plot.land_type} of {@code property_land}, for one), and a replay
   * labels every code the live API labelled. One Apimo refuses (403, 404) is left out, and the
   * replay's {@code /catalogs} leaves it out too.
   */
  private void catalogs() throws IOException {
    Catalogs catalogs = session.catalogs();
    for (String name : offeredCatalogs()) {
      for (String culture : CULTURES) {
        Path file = SnapshotFolder.catalogFile(work, name, culture);
        if (!Files.exists(file)) {
          try {
            WorkFolder.write(file, catalogs.rawBody(name, culture));
          } catch (ApimoException.NotFoundException | ApimoException.AccessDeniedException e) {
            break; // not served to this provider: its codes stay codes
          }
        }
      }
    }
  }

  private Path catalogIndex() {
    return work.resolve("catalogs").resolve("index.json");
  }

  /** The names in Apimo's list of catalogs, read once and kept in the work folder. */
  private TreeSet<String> offeredCatalogs() throws IOException {
    Path index = catalogIndex();
    if (!Files.exists(index)) {
      Files.createDirectories(index.getParent());
      WorkFolder.write(index, session.catalogs().rawIndex());
    }
    var offered = new TreeSet<String>();
    for (JsonNode info : MAPPER.readTree(index.toFile())) {
      offered.add(info.path("name").asText());
    }
    return offered;
  }

  private void saveRequests(RequestCount requests) {
    if (Files.exists(work.resolve(Manifest.FILE_NAME))) {
      try {
        writeManifest(requests.value(), false);
      } catch (IOException ignored) {
        // The count of an interrupted capture is only informative.
      }
    }
  }

  private void writeManifest(long requests, boolean complete) throws IOException {
    var entries = new LinkedHashMap<String, Manifest.Entry>();
    done.forEach((resource, entry) -> entries.put(resource.listKey(), entry));
    new Manifest(
            Manifest.FORMAT,
            tool(),
            now(),
            baseUrl(),
            provider(),
            agency.id(),
            CULTURES,
            earlierRequests + requests,
            complete,
            entries)
        .write(work);
  }

  static Map<String, Long> counts(Manifest manifest) {
    var counts = new LinkedHashMap<String, Long>();
    for (Resource resource : Resource.values()) {
      Manifest.Entry entry = manifest.entry(resource);
      if (entry != null) {
        counts.put(resource.listKey(), entry.count());
      }
    }
    return counts;
  }

  /** The server as the manifest names it: {@code sandbox} for one on this machine. */
  private String baseUrl() {
    return ServerIdentity.of(session.http().config().baseUrl().toString());
  }

  private String provider() {
    return session.http().config().provider();
  }

  static String tool() {
    String version = Capture.class.getPackage().getImplementationVersion();
    return "apimo-shell " + (version == null ? "dev" : version);
  }

  /** Now, to the second: what manifests say. */
  static Instant now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }
}
