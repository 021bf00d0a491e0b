package dev.apimoshell.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of a {@link SnapshotDiff}: a record added or removed, or one field of a record that
 * changed. A list of them prints as a table and exports as CSV, JSON or NDJSON.
 *
 * <pre>
 * resource    id      kind     summary                            field               before  after
 * properties  86379   CHANGED                                     price.value         250000  260000
 * properties  86379   CHANGED                                     pictures[id=7].url  "a.jpg" "b.jpg"
 * users       12      CHANGED                                     phone               null
 * leads       501     ADDED    Jeanne Martin &lt;j@mail.fr&gt;, step 1                        {"id":501,...}
 * </pre>
 *
 * <p>{@code before} and {@code after} are JSON text, exactly as Apimo sent the value: a string in
 * quotes, an explicit {@code null} as {@code null}, an object or a list as compact JSON. A Java
 * null means the field was absent on that side (so {@code null} then nothing is "Apimo stopped
 * sending the field"). A {@code password} shows {@code (hidden)}: that it changed, never its value.
 * An added record is whole in {@code after}, a removed one in {@code before} (compact JSON, {@code
 * password} hidden), and both say what they are in {@code summary}: {@code diff.added().stream()
 * .map(Change::summary)} answers "who sent these leads?" without a replay.
 *
 * @param resource the snapshot's resource ({@code properties}, {@code users}...) or {@code agency}
 * @param id the record's {@code id}, null for records that have none
 * @param kind what happened to the record
 * @param summary for an added or removed record, one line saying what it is (name, reference or
 *     subject and key fields, see {@link RecordSummary}); null for a changed field
 * @param field the leaf path that changed ({@code price.value}, {@code areas[2].area}, {@code
 *     pictures[id=7].url}); null for added and removed records
 * @param before the old value as JSON text, null when absent
 * @param after the new value as JSON text, null when absent
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Change(
    String resource,
    String id,
    Kind kind,
    String summary,
    String field,
    String before,
    String after) {

  /** A row without a summary: a changed field. */
  public Change(String resource, String id, Kind kind, String field, String before, String after) {
    this(resource, id, kind, null, field, before, after);
  }

  /** What a change did to its record. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  /** What a secret field shows instead of its value. */
  public static final String HIDDEN = "(hidden)";

  static Change added(String resource, String id, ObjectNode record) {
    return new Change(
        resource,
        id,
        Kind.ADDED,
        RecordSummary.of(resource, record),
        null,
        null,
        FieldDiff.text(record));
  }

  static Change removed(String resource, String id, ObjectNode record) {
    return new Change(
        resource,
        id,
        Kind.REMOVED,
        RecordSummary.of(resource, record),
        null,
        FieldDiff.text(record),
        null);
  }
}
