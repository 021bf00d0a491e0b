package dev.apimoshell.snapshot;

import dev.apimoshell.export.CsvDialect;
import dev.apimoshell.export.ExportOptions;
import dev.apimoshell.export.ExportSummary;
import dev.apimoshell.internal.export.Exporter;
import dev.apimoshell.internal.snapshot.Resource;
import dev.apimoshell.internal.snapshot.SnapshotFolder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What changed between two snapshots of an agency: per resource the records added, removed and
 * changed, one {@link Change} per changed field. Prints at the prompt as a one-line summary and a
 * table, filters into smaller diffs, streams and exports like a query.
 *
 * <pre>{@code
 * var diff = Snapshot.diff("agency-14@monday", "agency-14");
 * diff.summary();                          // per resource: added, removed, changed records
 * diff.resource("properties").changed();   // the changed fields of the changed properties
 * diff.export("changes.csv");              // CSV, JSON or NDJSON by the extension
 * }</pre>
 *
 * <p>Immutable. The catalogs are not compared.
 */
public final class SnapshotDiff implements Iterable<Change> {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final String before;
  private final String after;
  private final List<Change> changes;
  private final List<String> warnings;

  SnapshotDiff(String before, String after, List<Change> changes, List<String> warnings) {
    this.before = before;
    this.after = after;
    this.changes = List.copyOf(changes);
    this.warnings = List.copyOf(warnings);
  }

  /** Counts of one resource: records added, removed, changed, and fields changed. */
  public record Tally(String resource, long added, long removed, long changed, long fields) {}

  /** Every change, in order: resource by resource, the newer capture's order, removals last. */
  public List<Change> changes() {
    return changes;
  }

  public Stream<Change> stream() {
    return changes.stream();
  }

  @Override
  public Iterator<Change> iterator() {
    return changes.iterator();
  }

  /** The number of rows: records added or removed, fields changed. */
  public int size() {
    return changes.size();
  }

  /** Whether the two snapshots hold the same records. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /**
   * What the diff could not compare or should be read with care: two agencies, an unfinished
   * capture, a resource only one side holds.
   */
  public List<String> warnings() {
    return warnings;
  }

  /** The changes of one resource: {@code "properties"}, {@code "users"}... or {@code "agency"}. */
  public SnapshotDiff resource(String name) {
    String key = name.equalsIgnoreCase("agency") ? "agency" : Resource.named(name).listKey();
    return where(change -> change.resource().equals(key));
  }

  /** The records added in the newer snapshot. */
  public SnapshotDiff added() {
    return where(change -> change.kind() == Change.Kind.ADDED);
  }

  /** The records the newer snapshot no longer holds. */
  public SnapshotDiff removed() {
    return where(change -> change.kind() == Change.Kind.REMOVED);
  }

  /** The fields that changed in records both snapshots hold. */
  public SnapshotDiff changed() {
    return where(change -> change.kind() == Change.Kind.CHANGED);
  }

  /** The changes of the record(s) with this id: {@code diff.id(86379)}. */
  public SnapshotDiff id(Object id) {
    String text = String.valueOf(id);
    return where(change -> text.equals(change.id()));
  }

  /** The changes that match: {@code diff.where(c -> c.field().startsWith("price"))}. */
  public SnapshotDiff where(Predicate<? super Change> filter) {
    return new SnapshotDiff(before, after, stream().filter(filter).toList(), warnings);
  }

  /** Per resource that changed, how many records were added, removed and changed. */
  public List<Tally> summary() {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Set<String> changedRecords = new HashSet<>();
    for (Change change : changes) {
      long[] count = counts.computeIfAbsent(change.resource(), r -> new long[4]);
      switch (change.kind()) {
        case ADDED -> count[0]++;
        case REMOVED -> count[1]++;
        case CHANGED -> {
          if (changedRecords.add(change.resource() + "\u0000" + change.id())) {
            count[2]++;
          }
          count[3]++;
        }
      }
    }
    List<Tally> tallies = new ArrayList<>();
    counts.forEach((resource, c) -> tallies.add(new Tally(resource, c[0], c[1], c[2], c[3])));
    return tallies;
  }

  /**
   * One line: what was compared and what changed, e.g. {@code agency-14@monday (2026-11-30 09:00Z)
   * → agency-14 (2026-12-04 15:02Z): properties 1 added, 2 changed; users 1 removed}.
   */
  public String headline() {
    String sides = before + " → " + after;
    if (changes.isEmpty()) {
      return sides + ": no differences";
    }
    List<String> parts = new ArrayList<>();
    for (Tally t : summary()) {
      List<String> counts = new ArrayList<>();
      if (t.added() > 0) {
        counts.add(t.added() + " added");
      }
      if (t.removed() > 0) {
        counts.add(t.removed() + " removed");
      }
      if (t.changed() > 0) {
        counts.add(
            t.changed() + " changed (" + t.fields() + (t.fields() == 1 ? " field)" : " fields)"));
      }
      parts.add(t.resource() + " " + String.join(", ", counts));
    }
    return sides + ": " + String.join("; ", parts);
  }

  /** Writes the changes to {@code file}, format from its extension, with these columns or all. */
  public ExportSummary export(String file, String... columns) {
    return export(Path.of(file), ExportOptions.defaults().withColumns(columns));
  }

  /** As {@link #export(String, String...)} in a CSV dialect ({@code CsvDialect.EXCEL_FR}). */
  public ExportSummary export(String file, CsvDialect dialect, String... columns) {
    return export(
        Path.of(file), ExportOptions.defaults().withDialect(dialect).withColumns(columns));
  }

  /** As {@link #export(String, String...)}, with every option. */
  public ExportSummary export(Path target, ExportOptions options) {
    return Exporter.export(stream(), target, options);
  }

  /** The headline. */
  @Override
  public String toString() {
    return headline();
  }

  /**
   * A side as the headline names it: the folder as given and when its data was read (captured or
   * last refreshed), to the second: two snapshots of the same morning differ.
   */
  static String describe(SnapshotFolder side) {
    Instant time = side.manifest().dataTime();
    return side.path() + (time == null ? "" : " (" + MINUTE.format(time) + ")");
  }
}
