package dev.apimoshell.shell;

import static dev.apimoshell.shell.ShellProcess.inProcess;
import static dev.apimoshell.shell.ShellProcess.launch;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Script mode: in process for outputs and statuses, as a real process where the JVM must exit. */
class ShellScriptTest extends ScriptsAgainstTheSandbox {

  @TempDir Path dir;

  private int run(String script, Feedback.Mode mode, String... args) {
    scripts.engine().setArgs(List.of(args));
    return scripts.run(script, mode, "test.jsh");
  }

  @Test
  void argsReachTheScriptAndSuccessIsZero() {
    int status =
        run(
            "System.out.println(args.length + \":\" + String.join(\"|\", args));\n",
            Feedback.Mode.SILENT,
            "a",
            "b c",
            "-x \"q\"");
    assertThat(status).isZero();
    assertThat(scripts.out()).isEqualTo("3:a|b c|-x \"q\"\n");
  }

  @Test
  void uncaughtExceptionIsOneAndNamesFileAndLine() {
    int status =
        run(
            "int ok = 1;\n\n"
                + "throw new IllegalArgumentException(\"bad input\");\n"
                + "System.out.println(\"never\");\n",
            Feedback.Mode.SILENT);
    assertThat(status).isEqualTo(1);
    assertThat(scripts.err()).isEqualTo("test.jsh:3: IllegalArgumentException: bad input\n");
    assertThat(scripts.out()).doesNotContain("never");
  }

  @Test
  void compileErrorIsOneWithLineAndCaret() {
    int status = run("int a = 1;\nString s = a;\n", Feedback.Mode.SILENT);
    assertThat(status).isEqualTo(1);
    assertThat(scripts.err())
        .startsWith("test.jsh:2: error: incompatible types")
        .contains("String s = a;\n           ^");
  }

  @Test
  void silentModePrintsOnlyWhatTheScriptPrints() {
    assertThat(run("1 + 1\nint x = 3;\nSystem.out.println(\"x=\" + x);\n", Feedback.Mode.SILENT))
        .isZero();
    assertThat(scripts.out()).isEqualTo("x=3\n");
  }

  @Test
  void valuesModePrintsExpressionValues() {
    assertThat(run("int y = 4;\ny * 10\nApimo.agency(14).users().count()\n", Feedback.Mode.VALUES))
        .isZero();
    assertThat(scripts.out()).isEqualTo("40\n40\n");
  }

  @Test
  void apimoErrorsAreTheirMessage() {
    assertThat(run("Apimo.agency(999).users().list();\n", Feedback.Mode.SILENT)).isEqualTo(1);
    assertThat(scripts.err()).startsWith("test.jsh:1: 404").doesNotContain("Exception");
  }

  @Test
  void slashExitEndsTheScriptWithItsStatus() {
    assertThat(
            run(
                "System.out.println(\"before\");\n/exit 4\nSystem.out.println(\"after\");\n",
                Feedback.Mode.SILENT))
        .isEqualTo(4);
    assertThat(scripts.out()).isEqualTo("before\n");
  }

  @Test
  void exampleScriptsRunAgainstTheSandbox() throws Exception {
    Path examples = Path.of("scripts/examples");
    assertThat(
            run(
                Files.readString(examples.resolve("inactive-users.jsh")),
                Feedback.Mode.SILENT,
                "14"))
        .as(scripts.err())
        .isZero();
    assertThat(scripts.out()).contains("inactive users in agency 14").contains("lastname");
    assertThat(
            run(
                Files.readString(examples.resolve("agent-actions.jsh")),
                Feedback.Mode.SILENT,
                "14",
                "9",
                "2018-01-01",
                "2018-12-31"))
        .as(scripts.err())
        .isZero();
    assertThat(scripts.out())
        .containsPattern("\\d+ actions of user 9 from 2018-01-01 to 2018-12-31")
        .contains("by type: {")
        .contains("Call=");
    assertThat(run(Files.readString(examples.resolve("agency-summary.jsh")), Feedback.Mode.SILENT))
        .as(scripts.err())
        .isZero();
    assertThat(scripts.out()).contains("Agency 14: 40 users").contains("actions");
  }

  // ---- real processes: exit(n) ends the JVM, stdin is the process's own

  private static String text(java.io.InputStream in) throws Exception {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void exitHelperSetsTheProcessStatus() throws Exception {
    Path script = dir.resolve("three.jsh");
    Files.writeString(
        script,
        "System.out.println(\"bye \" + args[0]);\nexit(3);\nSystem.out.println(\"not here\");\n");
    Process p = launch("--sandbox", script.toString(), "now");
    assertThat(text(p.getInputStream())).isEqualTo("bye now\n");
    assertThat(p.exitValue()).isEqualTo(3);
  }

  @Test
  void pipedSnippetsRunAndPrintValuesWithoutEscapes() throws Exception {
    ShellProcess.Ran p =
        inProcess("Apimo.agency(14).users().count()\nint n = 2;\nn + 1\n", "--sandbox");
    String stdout = p.out();
    assertThat(stdout).isEqualTo("40\n3\n").doesNotContain("\u001b");
    assertThat(p.exitValue()).isZero();
  }

  @Test
  void unknownScriptFileIsAnError() throws Exception {
    ShellProcess.Ran p = inProcess("", "--sandbox", dir.resolve("missing.jsh").toString());
    assertThat(p.err()).contains("no such file");
    assertThat(p.exitValue()).isEqualTo(2);
  }

  @Test
  void aScriptThatIsNotUtf8OrIsADirectorySaysSoInWords() throws Exception {
    Path latin1 = dir.resolve("latin1.jsh");
    Files.write(latin1, "\"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1));
    ShellProcess.Ran p = inProcess("", "--sandbox", latin1.toString());
    assertThat(p.err())
        .isEqualTo("apimo-shell: cannot read " + latin1 + ": not UTF-8 text (save it as UTF-8)\n");
    assertThat(p.exitValue()).isEqualTo(2);

    ShellProcess.Ran d = inProcess("", "--sandbox", dir.toString());
    assertThat(d.err()).isEqualTo("apimo-shell: cannot read " + dir + ": Is a directory\n");
    assertThat(d.exitValue()).isEqualTo(2);
  }

  @Test
  void writesOutsideTheEmbeddedSandboxNeedYes() throws Exception {
    String send = "Apimo.agency(14).sendLead(NewLead.of(\"Lefèvre\", \"h.lefevre@example.com\"))\n";
    List<String> target =
        List.of(
            "--base-url",
            sandbox.baseUrl(),
            "--provider",
            sandbox.provider(),
            "--token",
            sandbox.token());
    long before = sandbox.requestCount();

    ShellProcess.Ran refused = inProcess(send, target.toArray(String[]::new));
    String refusal = refused.err();
    assertThat(refusal)
        .contains("not sent without --yes")
        .contains("send a lead to agency 14")
        .doesNotContain(sandbox.token());
    assertThat(refused.exitValue()).isEqualTo(1);
    assertThat(sandbox.requestCount()).isEqualTo(before);

    String sneaky =
        "Apimo.connect(\""
            + sandbox.baseUrl()
            + "\", \"1\", \""
            + sandbox.token()
            + "\").agency(14).sendLead(NewLead.of(\"Lefèvre\", \"h@example.com\"))\n";
    ShellProcess.Ran other = inProcess(sneaky, target.toArray(String[]::new));
    assertThat(other.err()).contains("not sent without --yes");
    assertThat(other.exitValue()).isEqualTo(1);
    assertThat(sandbox.requestCount()).isEqualTo(before);

    List<String> withYes = new ArrayList<>(target);
    withYes.add("--yes");
    ShellProcess.Ran sent = inProcess(send, withYes.toArray(String[]::new));
    assertThat(sent.out()).matches("\\d+\\n");
    assertThat(sent.exitValue()).isZero();
  }

  @Test
  void aLongStreamDrawsNoProgressWhenStderrIsNotATerminal() throws Exception {
    // Over a second of paging: on a terminal this would draw a progress line on stderr.
    String slow =
        "Apimo.agency(14).contacts().pageSize(5).limit(600).stream().peek(c -> { try {"
            + " Thread.sleep(3); } catch (InterruptedException e) { } }).count()\n";
    ShellProcess.Ran p = inProcess(slow, "--sandbox");
    assertThat(p.out()).isEqualTo("600\n");
    assertThat(p.err()).isEmpty();
    assertThat(p.exitValue()).isZero();
  }
}
