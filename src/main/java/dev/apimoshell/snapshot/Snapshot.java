package dev.apimoshell.snapshot;

import java.nio.file.Path;

/** Snapshots of an agency for support: capture, refresh, replay and diff. */
public final class Snapshot {
  private Snapshot() {}

  // --- diff (branch diff) ---

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

  // --- end diff ---
}
