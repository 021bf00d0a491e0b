package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.internal.export.Table;
import dev.apimoshell.internal.snapshot.Resource;
import dev.apimoshell.snapshot.SnapshotFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code /diff A B} in a script: a table of what changed, or one line saying what is wrong. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiffCommandTest {

  @TempDir static Path dir;
  private ScriptSession scripts;
  private Path monday;
  private Path friday;

  @BeforeAll
  void start() throws Exception {
    scripts = new ScriptSession();
    monday =
        SnapshotFixture.of(14)
            .with(
                Resource.USERS,
                "{\"id\":\"9\",\"lastname\":\"WYLER\",\"password\":\"*********\"}",
                "{\"id\":\"10\",\"lastname\":\"DUPONT\"}")
            .with(Resource.PROPERTIES, "{\"id\":86379,\"price\":{\"value\":250000}}")
            .write(dir.resolve("agency-14@monday"));
    friday =
        SnapshotFixture.of(14)
            .with(
                Resource.USERS,
                "{\"id\":\"9\",\"lastname\":\"WYLER\",\"password\":\"s3cr3t-new\"}",
                "{\"id\":\"11\",\"lastname\":\"MARTIN\"}")
            .with(Resource.PROPERTIES, "{\"id\":86379,\"price\":{\"value\":260000}}")
            .write(dir.resolve("agency 14 friday"));
  }

  @AfterAll
  void stop() {
    scripts.close();
  }

  private int run(String script) {
    return scripts.run(script, Feedback.Mode.VALUES, "test.jsh");
  }

  @Test
  void printsTheHeadlineThenATableOfChanges() {
    Table.terminalWidth(200);
    try {
      assertThat(run("/diff " + monday + " \"" + friday + "\"\n")).as(scripts.err()).isZero();
    } finally {
      Table.terminalWidth(0);
    }
    assertThat(scripts.out().lines().map(String::stripTrailing))
        .containsExactly(
            monday
                + " (2026-12-04 15:02:11Z) → "
                + friday
                + " (2026-12-04 15:02:11Z): users 1 added, 1 removed, 1 changed (1 field);"
                + " properties 1 changed (1 field)",
            "resource       id  kind     summary  field        before                           after",
            "──────────  ─────  ───────  ───────  ───────────  ───────────────────────────────  ───────────────────────────────",
            "users           9  CHANGED           password     (hidden)                         (hidden)",
            "users          11  ADDED    MARTIN                                                 {\"id\":\"11\",\"lastname\":\"MARTIN\"}",
            "users          10  REMOVED  DUPONT                {\"id\":\"10\",\"lastname\":\"DUPONT\"}",
            "properties  86379  CHANGED           price.value  250000                           260000");
    assertThat(scripts.out()).doesNotContain("s3cr3t");
  }

  @Test
  void equalSnapshotsSaySo() {
    assertThat(run("/diff " + monday + " " + monday + "\n")).isZero();
    assertThat(scripts.out())
        .isEqualTo(
            monday
                + " (2026-12-04 15:02:11Z) → "
                + monday
                + " (2026-12-04 15:02:11Z): no differences\n");
  }

  @Test
  void aFolderFromSomeoneElseIsOneLineNeverAHangOrEveryRecordRemoved() throws Exception {
    Path fifo = copyOf(monday, "fifo");
    Files.delete(fifo.resolve("users.ndjson"));
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.resolve("users.ndjson").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    assertThat(run("/diff " + monday + " " + fifo + "\n")).isEqualTo(1);
    assertThat(scripts.err())
        .isEqualTo(
            "test.jsh:1: Cannot read the snapshot at "
                + fifo
                + ": users.ndjson in "
                + fifo
                + " is a FIFO, device or socket, not a regular file; a snapshot folder holds only"
                + " regular files\n");

    Path missing = copyOf(monday, "missing-list");
    Files.delete(missing.resolve("users.ndjson"));
    assertThat(run("/diff " + monday + " " + missing + "\n")).isEqualTo(1);
    assertThat(scripts.err())
        .isEqualTo(
            "test.jsh:1: Cannot read the snapshot at "
                + missing
                + ": users.ndjson is missing from "
                + missing
                + "\n");
    assertThat(scripts.out()).doesNotContain("REMOVED");

    Path damaged = copyOf(monday, "damaged");
    Files.writeString(damaged.resolve("users.ndjson"), "{\"id\":\"9\"} xyz\n{\"id\":\"10\"}\n");
    assertThat(run("/diff " + monday + " " + damaged + "\n")).isEqualTo(1);
    assertThat(scripts.err()).contains("line 1 of users.ndjson in " + damaged + " is damaged");
    assertThat(scripts.out()).doesNotContain("REMOVED");
  }

  private static Path copyOf(Path folder, String name) throws java.io.IOException {
    Path copy = Files.createDirectories(dir.resolve(name));
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    return copy;
  }

  @Test
  void aWrongFolderIsOneLineAndTheScriptFails() throws Exception {
    Path missing = dir.resolve("agency-14@never");
    assertThat(run("/diff " + monday + " " + missing + "\n")).isEqualTo(1);
    assertThat(scripts.err())
        .isEqualTo("test.jsh:1: No snapshot at " + missing + ": no such folder\n");

    Path plain = Files.createDirectories(dir.resolve("plain"));
    assertThat(run("/diff " + plain + " " + monday + "\n")).isEqualTo(1);
    assertThat(scripts.err())
        .isEqualTo("test.jsh:1: No snapshot at " + plain + ": it has no manifest.json\n");

    assertThat(run("/diff " + monday + "\n")).isEqualTo(1);
    assertThat(scripts.err()).startsWith("test.jsh:1: usage: /diff DIR DIR");
  }

  @Test
  void aDiffInAVariableFiltersAndExports() throws Exception {
    Path csv = dir.resolve("changes.csv");
    String script =
        "var d = Snapshot.diff(\""
            + monday
            + "\", \""
            + friday
            + "\");\n"
            + "d.resource(\"properties\").changed().size()\n"
            + "/export d.removed() "
            + csv
            + "\n";
    assertThat(run(script)).as(scripts.err()).isZero();
    assertThat(scripts.out()).startsWith("1\n");
    assertThat(Files.readAllLines(csv))
        .containsExactly(
            "resource,id,kind,summary,field,before,after",
            "users,10,REMOVED,DUPONT,,\"{\"\"id\"\":\"\"10\"\",\"\"lastname\"\":\"\"DUPONT\"\"}\",");
  }
}
