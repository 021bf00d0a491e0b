package dev.apimoshell.snapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compares two snapshots resource by resource: indexes the older side ({@link RecordIndex}), reads
 * the newer one record by record, and reads an old record again only when its fingerprint differs.
 * Memory: the index of the largest resource plus the changes found.
 */
final class Differ {
  private final SnapshotFolder before;
  private final SnapshotFolder after;
  private final List<Change> changes = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private Differ(SnapshotFolder before, SnapshotFolder after) {
    this.before = before;
    this.after = after;
  }

  static SnapshotDiff diff(SnapshotFolder before, SnapshotFolder after) {
    Differ differ = new Differ(before, after);
    differ.warn();
    differ.agency();
    for (Resource resource : Resource.values()) {
      differ.resource(resource);
    }
    return new SnapshotDiff(
        SnapshotDiff.describe(before),
        SnapshotDiff.describe(after),
        differ.changes,
        differ.warnings);
  }

  private void warn() {
    Manifest old = before.manifest();
    Manifest now = after.manifest();
    if (old.agency() != now.agency()) {
      warnings.add(
          "these are two agencies ("
              + old.agency()
              + " in "
              + before.path()
              + ", "
              + now.agency()
              + " in "
              + after.path()
              + "): every record differs");
    }
    for (SnapshotFolder side : List.of(before, after)) {
      if (!side.manifest().complete()) {
        warnings.add(
            side.path()
                + " is an unfinished capture: resume it for a full diff; compared what it"
                + " holds");
      }
    }
  }

  /** The agency's own record, when both captures kept it. */
  private void agency() {
    Optional<ObjectNode> was = before.agency();
    Optional<ObjectNode> is = after.agency();
    if (was.isEmpty() || is.isEmpty()) {
      return;
    }
    ObjectNode old = was.get();
    ObjectNode now = is.get();
    String id = RecordIndex.id(now) != null ? RecordIndex.id(now) : RecordIndex.id(old);
    changed("agency", id, old, now);
  }

  private void resource(Resource resource) {
    boolean inBefore = before.manifest().entry(resource) != null;
    boolean inAfter = after.manifest().entry(resource) != null;
    if (inBefore != inAfter) {
      warnings.add(
          resource.listKey()
              + " are only in "
              + (inBefore ? before : after).path()
              + ": not compared");
    }
    if (!inBefore || !inAfter) {
      return;
    }
    String name = resource.listKey();
    try (RecordIndex old = RecordIndex.of(before.file(resource).orElseThrow());
        Stream<ObjectNode> records = after.records(resource)) {
      records.forEach(now -> compare(name, old, now));
      for (int row : old.unmatched()) {
        ObjectNode gone = old.read(row);
        String id = RecordIndex.id(gone);
        changes.add(Change.removed(name, id, gone));
      }
    }
  }

  private void compare(String name, RecordIndex old, ObjectNode now) {
    RecordIndex.stopIfInterrupted();
    String id = RecordIndex.id(now);
    if (id == null) {
      if (!old.takeByContent(Fingerprint.of(now))) {
        changes.add(Change.added(name, null, now));
      }
      return;
    }
    int row = old.take(id);
    if (row < 0) {
      changes.add(Change.added(name, id, now));
    } else if (old.hash(row) != Fingerprint.of(now)) {
      changed(name, id, old.read(row), now);
    }
  }

  private void changed(String name, String id, ObjectNode old, ObjectNode now) {
    for (FieldDiff.Field field : FieldDiff.between(old, now)) {
      changes.add(
          new Change(name, id, Change.Kind.CHANGED, field.path(), field.before(), field.after()));
    }
  }
}
