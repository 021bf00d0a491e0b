package dev.apimoshell.shell;

import static dev.apimoshell.shell.ShellProcess.launch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.internal.export.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slash commands and exits in script mode (files, {@code -e}, stdin): a command runs or the script
 * fails with status 1 and a message; never "ignored" and 0.
 */
class ShellScriptCommandsTest extends ScriptsAgainstTheSandbox {

  @TempDir Path dir;

  private int run(String script) {
    return scripts.run(script, Feedback.Mode.VALUES, "test.jsh");
  }

  @Test
  void helpFitsTheTerminalsWidth() {
    Table.terminalWidth(80);
    try {
      assertThat(run("/help\n")).isZero();
    } finally {
      Table.terminalWidth(0);
    }
    assertThat(scripts.out().lines())
        .contains("  /http on|off           print one line per HTTP request: method, URL, status,")
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
  }

  @Test
  void fileErrorsSayWhatIsWrongNotThePathTwice() throws Exception {
    Path missing = dir.resolve("none.jsh");
    assertThat(run("/open " + missing + "\n")).isEqualTo(1);
    assertThat(scripts.err())
        .isEqualTo("test.jsh:1: cannot read " + missing + ": no such file or directory\n");

    Path nowhere = dir.resolve("no-dir").resolve("s.jsh");
    assertThat(run("int q = 1\n/save " + nowhere + "\n")).isEqualTo(1);
    assertThat(scripts.err())
        .isEqualTo("test.jsh:2: cannot write " + nowhere + ": no such file or directory\n");
  }

  @Test
  void bareHttpSaysWhetherTheTraceIsOn() {
    assertThat(run("/http\n/http on\n/http\n/http off\n")).as(scripts.err()).isZero();
    assertThat(scripts.out())
        .isEqualTo(
            "HTTP trace off (/http on prints each request)\nHTTP trace on\n"
                + "HTTP trace on (/http off stops it)\nHTTP trace off\n");
    assertThat(run("/http maybe\n")).isEqualTo(1);
    assertThat(scripts.err()).contains("usage: /http on|off");
  }

  @Test
  void exportRunsInAScript() throws Exception {
    Path file = dir.resolve("users.csv");
    assertThat(run("/export Apimo.agency(14).users() " + file + "\n")).as(scripts.err()).isZero();
    assertThat(scripts.out()).contains("users.csv: 40 rows");
    assertThat(Files.readAllLines(file)).hasSize(41);
  }

  @Test
  void aFailedExportStopsTheScriptWithOne() {
    Path file = dir.resolve("nope.csv");
    int status =
        run(
            "int a = 1;\n/export Apimo.agency(999).users() "
                + file
                + "\nSystem.out.println(\"after\");\n");
    assertThat(status).isEqualTo(1);
    assertThat(scripts.err()).startsWith("test.jsh:2: ").contains("404");
    assertThat(scripts.out()).doesNotContain("after");
    assertThat(run("/export nothing\n")).isEqualTo(1);
    assertThat(scripts.err()).startsWith("test.jsh:1: usage: /export EXPR FILE");
  }

  @Test
  void catalogRunsAndAnUnknownOneFails() {
    assertThat(run("/catalog user_group\n")).isZero();
    assertThat(scripts.out()).contains("Administrator");
    assertThat(run("/catalog property_typ\n")).isEqualTo(1);
    assertThat(scripts.err())
        .contains("test.jsh:1: no catalog property_typ; did you mean property_type")
        .doesNotContain("agencies");
  }

  @Test
  void promptOnlyAndUnknownCommandsFailWithOne() {
    assertThat(run("/edit\nSystem.out.println(\"after\");\n")).isEqualTo(1);
    assertThat(scripts.err())
        .startsWith("test.jsh:1: /edit is for the prompt; scripts run")
        .contains("/export");
    assertThat(scripts.out()).isEmpty();
    assertThat(run("/hepl\n")).isEqualTo(1);
    assertThat(scripts.err()).isEqualTo("test.jsh:1: unknown command /hepl; did you mean /help?\n");
  }

  @Test
  void systemExitEndsTheScriptWithItsStatus() {
    assertThat(
            run(
                "System.out.println(\"before\");\nSystem.exit(4);\nSystem.out.println(\"after\");\n"))
        .isEqualTo(4);
    assertThat(scripts.out()).isEqualTo("before\n");
    assertThat(run("exit(0);\nthrow new IllegalStateException();\n")).isZero();
    assertThat(scripts.err()).isEmpty();
  }

  @Test
  void anExitInAnOpenedFileEndsTheScript() throws Exception {
    Path inner = dir.resolve("inner.jsh");
    Files.writeString(inner, "System.out.println(\"inner \" + args[0]);\nexit(5);\n");
    assertThat(run("/open " + inner + " x\nSystem.out.println(\"after\");\n")).isEqualTo(5);
    assertThat(scripts.out()).isEqualTo("inner x\n");
  }

  @Test
  void dashEExportAndExitStatusesAsAProcess() throws Exception {
    Path file = dir.resolve("e.csv");
    ShellProcess.Ran export =
        ShellProcess.inProcess(
            "", "--sandbox", "-e", "/export Apimo.agency(14).users().limit(3) " + file);
    assertThat(export.exitValue()).isZero();
    assertThat(Files.readAllLines(file)).hasSize(4);

    Process exit = launch("--sandbox", "-e", "int n = 3", "-e", "System.exit(n)");
    assertThat(exit.exitValue()).isEqualTo(3);
  }
}
