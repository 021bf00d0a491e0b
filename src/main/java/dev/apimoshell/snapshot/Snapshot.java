package dev.apimoshell.snapshot;

import dev.apimoshell.api.AgencyRef;
import dev.apimoshell.internal.snapshot.Manifest;
import dev.apimoshell.internal.snapshot.SnapshotFolder;
import java.nio.file.Path;

/**
 * Snapshots for support: an agency saved to a folder, refreshed for few requests, replayed offline
 * and compared.
 *
 * <p>Replay a snapshot offline with {@code scripts/apimo-shell --snapshot agency-14}. At the prompt
 * the facade says it shorter: {@code Apimo.snapshot(14, "agency-14")}, {@code
 * Apimo.refresh("agency-14")}, {@code /snapshot 14 agency-14}.
 *
 * <pre>{@code
 * Snapshot.capture(client.agency(14), Path.of("agency-14"));
 * Snapshot.refresh(client.agency(14), Path.of("agency-14"));   // only what changed, merged by id
 * Snapshot.diff("agency-14@monday", "agency-14");               // or /diff A B
 * }</pre>
 */
public final class Snapshot {
  private Snapshot() {}

  /**
   * Captures {@code agency} into {@code dir}: tells the {@link System.Logger} {@code
   * dev.apimoshell.snapshot} what it will cost against today's quota, then reads every list as
   * Apimo sent it. An interrupted capture resumes when run again; a snapshot already in {@code dir}
   * is replaced only once the new one is complete.
   */
  public static SnapshotSummary capture(AgencyRef agency, Path dir) {
    return capture(agency, dir, SnapshotListener.logging());
  }

  /**
   * As {@link #capture(AgencyRef, Path)}, telling {@code listener} what it costs and how it goes.
   *
   * @throws SnapshotException when the capture could not finish (what is kept is said)
   */
  public static SnapshotSummary capture(AgencyRef agency, Path dir, SnapshotListener listener) {
    return new Capture(agency, dir, 0, listener).run();
  }

  /**
   * Refreshes the snapshot in {@code dir} through {@code agency}, the snapshot's agency on the
   * server it was captured from: properties, contacts, contracts and leads ask only what changed
   * since the snapshot's time and are merged by id; users, actions and requests are read again
   * (their endpoints take no {@code timestamp}). Prints what it will cost first, and says what it
   * cost next to what a capture would have.
   */
  public static SnapshotSummary refresh(AgencyRef agency, Path dir) {
    return refresh(agency, dir, SnapshotListener.logging());
  }

  /**
   * As {@link #refresh(AgencyRef, Path)}, telling {@code listener} what it costs.
   *
   * @throws SnapshotException when the refresh could not finish (what is kept is said)
   */
  public static SnapshotSummary refresh(AgencyRef agency, Path dir, SnapshotListener listener) {
    return refresh(agency, dir, listener, false);
  }

  /**
   * As {@link #refresh(AgencyRef, Path)}, through a server other than the one the snapshot was
   * captured from, on purpose: a snapshot of production refreshed from a copy of it, say. The
   * manifest keeps the server it was captured from; what the other server sends is merged in as if
   * it came from there, so only use it when both hold the same agency.
   *
   * <pre>{@code Snapshot.refreshFromAnotherServer(client.agency(14), Path.of("agency-14"))}</pre>
   *
   * @throws SnapshotException when the refresh could not finish (what is kept is said)
   */
  public static SnapshotSummary refreshFromAnotherServer(AgencyRef agency, Path dir) {
    return refresh(agency, dir, SnapshotListener.logging(), true);
  }

  private static SnapshotSummary refresh(
      AgencyRef agency, Path dir, SnapshotListener listener, boolean anyServer) {
    SnapshotFolder folder = SnapshotFolder.open(dir);
    String baseUrl = agency.session().http().config().baseUrl().toString();
    String provider = agency.session().http().config().provider();
    Manifest manifest = folder.manifest();
    if (!manifest.complete()) {
      throw new SnapshotException(
          dir + " holds an unfinished capture: run the capture again to finish it");
    }
    if (!anyServer
        && (!ServerIdentity.same(manifest.baseUrl(), baseUrl)
            || !String.valueOf(manifest.provider()).equals(String.valueOf(provider)))) {
      throw new SnapshotException(
          dir
              + " was captured from "
              + manifest.baseUrl()
              + " as provider "
              + manifest.provider()
              + ", and this client talks to "
              + ServerIdentity.of(baseUrl)
              + " as provider "
              + provider
              + ": refresh it with a client of that server"
              + " (ApimoClient.builder().baseUrl(url).provider(id)), or, on purpose, from this one:"
              + " Snapshot.refreshFromAnotherServer(Apimo.agency("
              + manifest.agency()
              + "), Path.of(\""
              + dir
              + "\"))");
    }
    if (manifest.agency() != agency.id()) {
      throw new SnapshotException(
          dir + " holds agency " + manifest.agency() + ", not agency " + agency.id());
    }
    return new Refresh(agency, folder, 0, listener).run();
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
