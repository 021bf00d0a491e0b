package dev.apimoshell.snapshot;

import dev.apimoshell.Apimo;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.api.AgencyRef;
import java.nio.file.Path;

/**
 * Snapshots for support: an agency saved to a folder, refreshed for few requests, replayed offline
 * and compared.
 *
 * <p>Replay a snapshot offline with {@code scripts/apimo-shell --snapshot agency-14}.
 *
 * <pre>{@code
 * Snapshot.capture(14, "agency-14");    // or Apimo.agency(14).snapshot("agency-14"), /snapshot 14 agency-14
 * Snapshot.refresh("agency-14");        // only what changed since, merged by id
 * Snapshot.diff("agency-14@monday", "agency-14");   // or /diff A B
 * }</pre>
 */
public final class Snapshot {
  private Snapshot() {}

  /**
   * Captures agency {@code agency} of the default client into the folder {@code dir} (relative to
   * the working directory); see {@link AgencyRef#snapshot(String)}.
   */
  public static SnapshotSummary capture(long agency, String dir) {
    return capture(Apimo.agency(agency), Path.of(dir));
  }

  /** As {@link #capture(long, String)} with another client ({@code Apimo.connect(...)}). */
  public static SnapshotSummary capture(ApimoClient client, long agency, String dir) {
    return capture(client.agency(agency), Path.of(dir));
  }

  /**
   * Captures {@code agency} into {@code dir}: prints what it will cost against today's quota, then
   * reads every list as Apimo sent it. An interrupted capture resumes when run again; a snapshot
   * already in {@code dir} is replaced only once the new one is complete.
   */
  public static SnapshotSummary capture(AgencyRef agency, Path dir) {
    return new Capture(agency, dir, 0, System.out).run();
  }

  /**
   * Refreshes the snapshot in {@code dir} with the default client: properties, contacts, contracts
   * and leads ask only what changed since the snapshot's time and are merged by id; users, actions
   * and requests are read again (their endpoints take no {@code timestamp}). Prints what it will
   * cost first, and says what it cost next to what a capture would have.
   *
   * <pre>{@code Snapshot.refresh("agency-14")}</pre>
   */
  public static SnapshotSummary refresh(String dir) {
    return refresh(Apimo.client(), dir);
  }

  /** As {@link #refresh(String)} with another client, which must talk to the snapshot's server. */
  public static SnapshotSummary refresh(ApimoClient client, String dir) {
    SnapshotFolder folder = SnapshotFolder.open(Path.of(dir));
    Manifest manifest = folder.manifest();
    if (!manifest.complete()) {
      throw new IllegalArgumentException(
          dir + " holds an unfinished capture: run the capture again to finish it");
    }
    if (!sameServer(manifest.baseUrl(), client.baseUrl())
        || !String.valueOf(manifest.provider()).equals(String.valueOf(client.provider()))) {
      throw new IllegalArgumentException(
          dir
              + " was captured from "
              + manifest.baseUrl()
              + " as provider "
              + manifest.provider()
              + ", not from "
              + client.baseUrl()
              + " as provider "
              + client.provider()
              + ": connect to it (Apimo.connect(url, provider, token)) and pass that client");
    }
    return new Refresh(client.agency(manifest.agency()), folder, 0, System.out).run();
  }

  private static boolean sameServer(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * What changed between two snapshot folders, the older first; paths relative to the working
   * directory.
   *
   * <pre>{@code Snapshot.diff("agency-14@monday", "agency-14").resource("properties")}</pre>
   *
   * @throws IllegalArgumentException when a folder is missing or holds no snapshot, in words
   */
  public static SnapshotDiff diff(String before, String after) {
    return diff(Path.of(before), Path.of(after));
  }

  /** As {@link #diff(String, String)}. */
  public static SnapshotDiff diff(Path before, Path after) {
    return Differ.diff(SnapshotFolder.open(before), SnapshotFolder.open(after));
  }
}
