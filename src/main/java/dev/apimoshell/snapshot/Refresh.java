package dev.apimoshell.snapshot;

import dev.apimoshell.api.AgencyRef;
import dev.apimoshell.api.Query;
import dev.apimoshell.internal.client.Session;
import dev.apimoshell.internal.snapshot.Manifest;
import dev.apimoshell.internal.snapshot.Resource;
import dev.apimoshell.internal.snapshot.SnapshotFolder;
import dev.apimoshell.internal.text.Text;
import dev.apimoshell.model.RawRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Brings a snapshot up to date for few requests: the lists whose endpoint takes {@code timestamp}
 * ({@link Resource#incremental()}) ask only for what changed since the manifest's time and are
 * merged by id (a changed record replaced where it was, a new one appended); the others are read
 * again in full. Written beside the snapshot and moved over it once complete.
 *
 * <p>Records deleted at Apimo stay in an incremental list: Apimo's {@code timestamp} filter cannot
 * say what is gone; a capture can.
 */
final class Refresh {
  /** Taken off a local time used as {@code timestamp}, for a clock that differs from Apimo's. */
  static final Duration CLOCK_MARGIN = Duration.ofMinutes(10);

  private final AgencyRef agency;
  private final Session session;
  private final SnapshotFolder old;
  private final Path target;
  private final Path work;
  private final int pageSize;
  private final SnapshotListener out;

  Refresh(AgencyRef agency, SnapshotFolder old, int pageSize, PrintStream out) {
    this(agency, old, pageSize, SnapshotListener.printing(out));
  }

  Refresh(AgencyRef agency, SnapshotFolder old, int pageSize, SnapshotListener out) {
    this.agency = agency;
    this.session = agency.session();
    this.old = old;
    this.target = old.path();
    this.work = WorkFolder.beside(target, "refresh");
    this.pageSize = pageSize;
    this.out = out;
  }

  /** Runs it holding the folder's {@link FolderLock}: one writer per folder. */
  SnapshotSummary run() {
    try (FolderLock lock = FolderLock.take(target, "refresh")) {
      return runLocked();
    }
  }

  private SnapshotSummary runLocked() {
    long start = System.nanoTime();
    Manifest manifest = old.manifest();
    out.onProgress(costLine(manifest));
    var entries = new LinkedHashMap<String, Manifest.Entry>();
    var readAgain = new ArrayList<String>();
    long requests;
    try (RequestCount counter = RequestCount.on(session.http())) {
      WorkFolder.deleteTree(work);
      Files.createDirectories(work);
      RawRecord details = Capture.details(agency, manifest.provider());
      WorkFolder.write(work.resolve("agency.json"), details.bytes());
      for (Resource resource : Resource.values()) {
        Manifest.Entry previous = manifest.entry(resource);
        Manifest.Entry entry;
        if (resource.incremental() && previous != null) {
          entry = merge(resource, previous);
        } else {
          entry = reread(resource);
          if (!resource.incremental()) {
            readAgain.add(resource.listKey());
          }
        }
        entries.put(resource.listKey(), entry);
      }
      WorkFolder.copyFiles(old.path(), "catalogs", work.resolve("catalogs"));
      requests = counter.value();
      new Manifest(
              Manifest.FORMAT,
              Capture.tool(),
              manifest.createdAt(),
              manifest.baseUrl(),
              manifest.provider(),
              manifest.agency(),
              manifest.cultures(),
              requests,
              true,
              entries,
              Capture.now())
          .write(work);
      WorkFolder.replace(work, target);
    } catch (CancellationException e) {
      cleanUp();
      var stop = new CancellationException(stopped(e.getMessage()));
      stop.initCause(e);
      throw stop;
    } catch (RuntimeException e) {
      cleanUp();
      throw new SnapshotException(stopped(e.getMessage()), e);
    } catch (IOException e) {
      cleanUp();
      throw new SnapshotException(stopped("cannot write in " + work + ": " + e), e);
    }
    Manifest now = SnapshotFolder.open(target).manifest();
    return new SnapshotSummary(
        target,
        manifest.agency(),
        true,
        Capture.counts(now),
        requests,
        Duration.ofNanos(System.nanoTime() - start),
        captureCost(now),
        readAgain);
  }

  private String stopped(String why) {
    return "The refresh of "
        + target
        + " stopped ("
        + Capture.reason(why)
        + "); the snapshot is unchanged: run it again";
  }

  private void cleanUp() {
    try {
      WorkFolder.deleteTree(work);
    } catch (IOException ignored) {
      // The next refresh starts by deleting it again.
    }
  }

  /** What the refresh will cost, from the counts of the last capture. */
  private String costLine(Manifest manifest) {
    long requests = 1;
    long users = count(manifest, Resource.USERS);
    for (Resource resource : Resource.values()) {
      Manifest.Entry entry = manifest.entry(resource);
      if (resource == Resource.ACTIONS) {
        requests += Math.max(users, pages(entry == null ? 0 : entry.count(), resource));
      } else if (resource.incremental() && entry != null) {
        requests += 2; // the time before, then the changes
      } else {
        requests += pages(entry == null ? 0 : entry.count(), resource);
        requests += resource.incremental() ? 1 : 0; // the time before
      }
    }
    return Text.wrapLines(
        String.format(
                Locale.ROOT,
                "Refresh of %s (agency %d, %s): about %,d requests (actions: at least one per user,"
                    + " %,d users)",
                target,
                manifest.agency(),
                manifest.dataTime(),
                requests,
                users)
            + "; "
            + Capture.quotaShare(requests, session)
            + ".");
  }

  /** About what a capture of the refreshed snapshot would cost: counts, pages, catalogs. */
  private long captureCost(Manifest now) {
    long users = count(now, Resource.USERS);
    long cost = 1 + 6; // the agency, and a count per list but actions
    for (Resource resource : Resource.values()) {
      long pages = pages(count(now, resource), resource);
      cost += resource == Resource.ACTIONS ? Math.max(users, pages) : pages;
    }
    try (Stream<Path> catalogs = Files.list(target.resolve("catalogs"))) {
      cost += catalogs.count();
    } catch (IOException noCatalogs) {
      // None saved, none counted.
    }
    return cost;
  }

  private static long count(Manifest manifest, Resource resource) {
    Manifest.Entry entry = manifest.entry(resource);
    return entry == null ? 0 : entry.count();
  }

  private long pages(long count, Resource resource) {
    int size = pageSize > 0 ? pageSize : Capture.maxPageSize(resource);
    return Math.max(1, (count + size - 1) / size);
  }

  /** Reads a list again in full, as a capture does. */
  private Manifest.Entry reread(Resource resource) throws IOException {
    Instant fetchedAt = Capture.now();
    Long timestamp;
    long count;
    if (resource == Resource.ACTIONS) {
      var first = new AtomicReference<Long>();
      count =
          Capture.actions(
              agency, work, size(resource), query -> first.set(earliest(first.get(), query)));
      timestamp = first.get();
    } else {
      Query<RawRecord> query = sized(agency.raw(resource.listKey()), resource);
      timestamp = timeBefore(query, resource);
      count = WorkFolder.readInto(query, work.resolve(resource.fileName()), size(resource));
      timestamp = timestamp != null ? timestamp : earliest(null, query);
    }
    return new Manifest.Entry(
        resource.fileName(), count, timestamp, resource.incremental(), fetchedAt);
  }

  /**
   * Apimo's time before {@code query} is read, for an incremental list: its count, one request, so
   * that a record changed on a page already read is asked again by the next refresh. Pages read
   * later say a later time. Null for the other lists (their time serves no refresh).
   */
  private static Long timeBefore(Query<RawRecord> query, Resource resource) {
    if (!resource.incremental()) {
      return null;
    }
    query.count();
    return earliest(null, query);
  }

  /**
   * Asks what changed since the last read and merges it by id into the old records: changed ones
   * replaced in place, new ones appended in Apimo's order.
   */
  private Manifest.Entry merge(Resource resource, Manifest.Entry previous) throws IOException {
    Instant since =
        previous.timestamp() != null
            ? Instant.ofEpochSecond(previous.timestamp())
            : previous.fetchedAt().minus(CLOCK_MARGIN);
    Instant fetchedAt = Capture.now();
    Query<RawRecord> query = sized(agency.raw(resource.listKey(), since), resource);
    Long timestamp = timeBefore(query, resource);
    Path changes = work.resolve(resource.fileName() + ".changes");
    WorkFolder.readInto(query, changes, size(resource));
    timestamp = timestamp != null ? timestamp : earliest(null, query);

    var records = new LinkedHashMap<Object, byte[]>();
    long anonymous = 0;
    Path previousFile = old.file(resource).orElseThrow();
    for (Path file : List.of(previousFile, changes)) {
      if (!Files.exists(file)) {
        continue;
      }
      try (Stream<byte[]> lines = WorkFolder.lineBytes(file)) {
        long number = 0;
        for (Iterator<byte[]> it = lines.iterator(); it.hasNext(); ) {
          byte[] line = it.next();
          number++;
          if (file == previousFile) {
            checkLine(line, number, resource);
          }
          long id = RawRecord.of(line).id();
          records.put(id > 0 ? (Object) id : "no id " + anonymous++, line);
        }
      }
    }
    Path file = work.resolve(resource.fileName());
    Path part = file.resolveSibling(file.getFileName() + ".part");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
      for (byte[] line : records.values()) {
        out.write(line);
        out.write('\n');
      }
    }
    WorkFolder.move(part, file);
    Files.delete(changes);
    return new Manifest.Entry(resource.fileName(), records.size(), timestamp, true, fetchedAt);
  }

  /** A line of the snapshot being refreshed is exactly one JSON object, or the refresh stops. */
  private void checkLine(byte[] line, long number, Resource resource) {
    try {
      SnapshotFolder.record(line, line.length);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "record "
              + number
              + " of "
              + resource.fileName()
              + " in "
              + target
              + " is damaged ("
              + e.getMessage()
              + ")");
    }
  }

  private Query<RawRecord> sized(Query<RawRecord> query, Resource resource) {
    return query.pageSize(size(resource));
  }

  private int size(Resource resource) {
    return pageSize > 0 ? pageSize : Capture.maxPageSize(resource);
  }

  private static Long earliest(Long known, Query<RawRecord> query) {
    Long seen = query.serverTime().map(Instant::getEpochSecond).orElse(null);
    if (seen == null) {
      return known;
    }
    return known == null ? seen : Math.min(known, seen);
  }
}
