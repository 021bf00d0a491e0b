package dev.apimoshell.snapshot;

import static dev.apimoshell.snapshot.Change.Kind.ADDED;
import static dev.apimoshell.snapshot.Change.Kind.CHANGED;
import static dev.apimoshell.snapshot.Change.Kind.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.export.ExportSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two snapshot folders written in the test, then compared. */
class SnapshotDiffTest {

  @TempDir Path dir;

  private SnapshotDiff diff(SnapshotFixture before, SnapshotFixture after) throws Exception {
    return Snapshot.diff(before.write(dir.resolve("monday")), after.write(dir.resolve("friday")));
  }

  @Test
  void findsRecordsAddedRemovedAndAChangedLeaf() throws Exception {
    var diff =
        diff(
            SnapshotFixture.of(14)
                .with(
                    Resource.USERS,
                    "{\"id\":\"1\",\"lastname\":\"WYLER\"}",
                    "{\"id\":\"2\",\"lastname\":\"DUPONT\"}"),
            SnapshotFixture.of(14)
                .with(
                    Resource.USERS,
                    "{\"id\":\"1\",\"lastname\":\"WEBER\"}",
                    "{\"id\":\"3\",\"lastname\":\"MARTIN\"}"));

    assertThat(diff.changes())
        .containsExactly(
            new Change("users", "1", CHANGED, "lastname", "\"WYLER\"", "\"WEBER\""),
            new Change(
                "users",
                "3",
                ADDED,
                "MARTIN",
                null,
                null,
                "{\"id\":\"3\",\"lastname\":\"MARTIN\"}"),
            new Change(
                "users",
                "2",
                REMOVED,
                "DUPONT",
                null,
                "{\"id\":\"2\",\"lastname\":\"DUPONT\"}",
                null));
    assertThat(diff.summary()).containsExactly(new SnapshotDiff.Tally("users", 1, 1, 1, 1));
    assertThat(diff.headline()).endsWith(": users 1 added, 1 removed, 1 changed (1 field)");
  }

  @Test
  void nestedFieldsHaveTheirPath() throws Exception {
    var diff =
        diff(
            SnapshotFixture.of(14)
                .with(
                    Resource.PROPERTIES,
                    "{\"id\":86379,\"price\":{\"value\":250000,\"currency\":\"EUR\"},"
                        + "\"areas\":[{\"type\":1,\"area\":12},{\"type\":2,\"area\":9},"
                        + "{\"type\":3,\"area\":20}],\"tags\":[\"a\",\"b\"]}"),
            SnapshotFixture.of(14)
                .with(
                    Resource.PROPERTIES,
                    "{\"id\":86379,\"price\":{\"value\":260000,\"currency\":\"EUR\"},"
                        + "\"areas\":[{\"type\":1,\"area\":12},{\"type\":2,\"area\":9},"
                        + "{\"type\":3,\"area\":21}],\"tags\":[\"a\",\"b\",\"sea\"]}"));

    assertThat(diff.changes())
        .containsExactly(
            new Change("properties", "86379", CHANGED, "price.value", "250000", "260000"),
            new Change("properties", "86379", CHANGED, "areas[2].area", "20", "21"),
            new Change("properties", "86379", CHANGED, "tags[2]", null, "\"sea\""));
    assertThat(diff.summary()).containsExactly(new SnapshotDiff.Tally("properties", 0, 0, 1, 3));
  }

  @Test
  void listElementsWithIdsAreMatchedByIdAndANewOrderIsOneChange() throws Exception {
    var diff =
        diff(
            SnapshotFixture.of(14)
                .with(
                    Resource.PROPERTIES,
                    "{\"id\":5,\"pictures\":[{\"id\":7,\"rank\":1,\"url\":\"a.jpg\"},"
                        + "{\"id\":8,\"rank\":2,\"url\":\"b.jpg\"}]}"),
            SnapshotFixture.of(14)
                .with(
                    Resource.PROPERTIES,
                    "{\"id\":5,\"pictures\":[{\"id\":9,\"rank\":0,\"url\":\"new.jpg\"},"
                        + "{\"id\":8,\"rank\":2,\"url\":\"b2.jpg\"},"
                        + "{\"id\":7,\"rank\":1,\"url\":\"a.jpg\"}]}"));

    assertThat(diff.changes())
        .containsExactly(
            new Change("properties", "5", CHANGED, "pictures[id=8].url", "\"b.jpg\"", "\"b2.jpg\""),
            new Change(
                "properties",
                "5",
                CHANGED,
                "pictures[id=9]",
                null,
                "{\"id\":9,\"rank\":0,\"url\":\"new.jpg\"}"),
            new Change("properties", "5", CHANGED, "pictures[order]", "[7,8]", "[8,7]"));
  }

  @Test
  void aFirstPictureIsNamedByItsId() throws Exception {
    var diff =
        diff(
            SnapshotFixture.of(14).with(Resource.PROPERTIES, "{\"id\":5,\"pictures\":[]}"),
            SnapshotFixture.of(14)
                .with(Resource.PROPERTIES, "{\"id\":5,\"pictures\":[{\"id\":7,\"rank\":1}]}"));

    assertThat(diff.changes())
        .containsExactly(
            new Change(
                "properties", "5", CHANGED, "pictures[id=7]", null, "{\"id\":7,\"rank\":1}"));
  }

  @Test
  void anInterruptedDiffStops() throws Exception {
    Path monday = SnapshotFixture.of(14).with(Resource.USERS, "{\"id\":1}").write(dir.resolve("a"));
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Snapshot.diff(monday, monday))
          .isInstanceOf(CancellationException.class)
          .hasMessage("the diff was stopped");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void keyOrderIsNoDifference() throws Exception {
    var diff =
        diff(
            SnapshotFixture.of(14)
                .with(Resource.CONTACTS, "{\"id\":1,\"city\":{\"id\":3,\"name\":\"Nice\"},\"a\":1}")
                .agency("{\"id\":14,\"name\":\"Agence\",\"active\":true}"),
            SnapshotFixture.of(14)
                .with(Resource.CONTACTS, "{\"a\":1,\"city\":{\"name\":\"Nice\",\"id\":3},\"id\":1}")
                .agency("{\"active\":true,\"name\":\"Agence\",\"id\":14}"));

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.headline()).endsWith(": no differences");
    assertThat(diff.warnings()).isEmpty();
  }

  @Test
  void anExplicitNullAndAnAbsentFieldDiffer() throws Exception {
    var diff =
        diff(
            SnapshotFixture.of(14)
                .with(Resource.USERS, "{\"id\":1,\"phone\":null,\"fax\":\"0102\"}"),
            SnapshotFixture.of(14).with(Resource.USERS, "{\"id\":1,\"fax\":null,\"mobile\":null}"));

    assertThat(diff.changes())
        .containsExactly(
            new Change("users", "1", CHANGED, "phone", "null", null),
            new Change("users", "1", CHANGED, "fax", "\"0102\"", "null"),
            new Change("users", "1", CHANGED, "mobile", null, "null"));
  }

  @Test
  void aPasswordShowsThatItChangedNeverItsValue() throws Exception {
    var diff =
        diff(
            SnapshotFixture.of(14)
                .with(
                    Resource.USERS,
                    "{\"id\":1,\"password\":\"old-secret\"}",
                    "{\"name\":\"no id\",\"Password\":\"gone-secret\"}"),
            SnapshotFixture.of(14)
                .with(
                    Resource.USERS,
                    "{\"id\":1,\"password\":\"new-secret\"}",
                    "{\"id\":2,\"nested\":{\"password\":\"deep-secret\"}}"));

    assertThat(diff.changes())
        .containsExactly(
            new Change("users", "1", CHANGED, "password", "(hidden)", "(hidden)"),
            new Change(
                "users",
                "2",
                ADDED,
                "",
                null,
                null,
                "{\"id\":2,\"nested\":{\"password\":\"(hidden)\"}}"),
            new Change(
                "users",
                null,
                REMOVED,
                "",
                null,
                "{\"name\":\"no id\",\"Password\":\"(hidden)\"}",
                null));

    Path csv = dir.resolve("changes.csv");
    diff.export(csv.toString());
    Path ndjson = dir.resolve("changes.ndjson");
    diff.export(ndjson.toString());
    assertThat(Files.readString(csv) + Files.readString(ndjson) + diff.toString())
        .doesNotContain("secret");
  }

  @Test
  void exportsAsCsvThatReadsBack() throws Exception {
    var diff =
        diff(
            SnapshotFixture.of(14)
                .with(Resource.LEADS, "{\"id\":1,\"comment\":\"Hello, \\\"world\\\"\"}"),
            SnapshotFixture.of(14)
                .with(Resource.LEADS, "{\"id\":1,\"comment\":\"Bye\"}", "{\"id\":2}"));

    Path csv = dir.resolve("changes.csv");
    ExportSummary summary = diff.export(csv.toString());

    assertThat(summary.rows()).isEqualTo(2);
    assertThat(Files.readAllLines(csv))
        .containsExactly(
            "resource,id,kind,summary,field,before,after",
            "leads,1,CHANGED,,comment,\"\"\"Hello, \\\"\"world\\\"\"\"\"\",\"\"\"Bye\"\"\"",
            "leads,2,ADDED,,,,\"{\"\"id\"\":2}\"");
  }

  @Test
  void recordsWithoutIdAreMatchedByContent() throws Exception {
    var diff =
        diff(
            SnapshotFixture.of(14).with(Resource.REQUESTS, "{\"a\":1}", "{\"a\":2}", "{\"a\":2}"),
            SnapshotFixture.of(14).with(Resource.REQUESTS, "{\"a\":2}", "{\"a\":3}", "{\"a\":1}"));

    assertThat(diff.changes())
        .containsExactly(
            new Change("requests", null, ADDED, "", null, null, "{\"a\":3}"),
            new Change("requests", null, REMOVED, "", null, "{\"a\":2}", null));
  }

  @Test
  void filtersKeepTheirKind() throws Exception {
    var diff =
        diff(
            SnapshotFixture.of(14)
                .with(Resource.USERS, "{\"id\":1,\"a\":1}")
                .with(Resource.PROPERTIES, "{\"id\":1,\"a\":1}", "{\"id\":2}"),
            SnapshotFixture.of(14)
                .with(Resource.USERS, "{\"id\":1,\"a\":2}")
                .with(Resource.PROPERTIES, "{\"id\":1,\"a\":2,\"b\":3}"));

    assertThat(diff.resource("Properties").changed().stream().map(Change::field))
        .containsExactly("a", "b");
    assertThat(diff.removed().changes())
        .containsExactly(new Change("properties", "2", REMOVED, "", null, "{\"id\":2}", null));
    assertThat(diff.id(1).resource("users").size()).isEqualTo(1);
    assertThat(diff.added().isEmpty()).isTrue();
    assertThatThrownBy(() -> diff.resource("listings"))
        .hasMessageStartingWith("No resource 'listings' in a snapshot");
  }

  @Test
  void theAgencyRecordIsComparedToo() throws Exception {
    var diff =
        diff(
            SnapshotFixture.of(14).agency("{\"id\":14,\"name\":\"Agence\"}"),
            SnapshotFixture.of(14).agency("{\"id\":14,\"name\":\"Agence du Port\"}"));

    assertThat(diff.changes())
        .containsExactly(
            new Change("agency", "14", CHANGED, "name", "\"Agence\"", "\"Agence du Port\""));
  }

  @Test
  void twoAgenciesOrAnUnfinishedCaptureAreComparedWithAWarning() throws Exception {
    var diff =
        diff(
            SnapshotFixture.of(14).with(Resource.USERS, "{\"id\":1}").unfinished(),
            SnapshotFixture.of(15)
                .with(Resource.USERS, "{\"id\":1}")
                .with(Resource.LEADS, "{\"id\":1}"));

    assertThat(diff.warnings())
        .containsExactly(
            "these are two agencies (14 in "
                + dir.resolve("monday")
                + ", 15 in "
                + dir.resolve("friday")
                + "): every record differs",
            dir.resolve("monday")
                + " is an unfinished capture: resume it for a full diff; compared what it holds",
            "leads are only in " + dir.resolve("friday") + ": not compared");
    assertThat(diff.isEmpty()).isTrue();
  }

  @Test
  void aMissingFolderOrOneWithoutManifestIsSaidInWords() throws Exception {
    Path good = SnapshotFixture.of(14).write(dir.resolve("good"));
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertThatThrownBy(() -> Snapshot.diff(dir.resolve("nowhere"), good))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No snapshot at " + dir.resolve("nowhere") + ": no such folder");
    assertThatThrownBy(() -> Snapshot.diff(good, empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No snapshot at " + empty + ": it has no manifest.json");
  }

  @Test
  void manyRecordsFindTheOneThatChanged() throws Exception {
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (int i = 1; i <= 20_000; i++) {
      before.add("{\"id\":\"" + (i * 7919L) + "\",\"user\":\"3\",\"type\":\"2\"}");
      after.add(
          "{\"type\":\"2\",\"user\":\"3\",\"id\":\""
              + (i * 7919L)
              + "\""
              + (i == 12_345 ? ",\"subject\":\"Visit\"" : "")
              + "}");
    }
    var diff =
        diff(
            SnapshotFixture.of(14).with(Resource.ACTIONS, before.toArray(String[]::new)),
            SnapshotFixture.of(14).with(Resource.ACTIONS, after.toArray(String[]::new)));

    assertThat(diff.changes())
        .containsExactly(
            new Change(
                "actions", String.valueOf(12_345 * 7919L), CHANGED, "subject", null, "\"Visit\""));
  }
}
