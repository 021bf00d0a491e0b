package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives the real REPL loop through a JLine terminal over pipes (an external xterm, not a dumb one:
 * JLine's dumb mode has no TAB completion and no secondary prompt; and its line discipline turns a
 * typed Ctrl-C into the INT signal, as a real terminal does): types lines and reads what the shell
 * prints, through {@link TerminalSession}. One shell (one JShell start) serves every test.
 */
class ShellTerminalTest extends DefaultOnTheSandbox {

  private Path historyFile;
  private TerminalSession shell;

  @BeforeAll
  @Override
  protected void start() throws Exception {
    super.start();
    historyFile = Files.createTempFile("apimo-history", "");
    shell = new TerminalSession(historyFile);
  }

  @AfterAll
  @Override
  protected void stop() throws Exception {
    shell.close();
    super.stop();
  }

  @Test
  void evaluatesExpressionsAndDeclarations() throws Exception {
    assertThat(shell.run("40 + 2")).contains("==> 42");
    assertThat(shell.run("int seven = 7")).contains("seven ==> 7");
    assertThat(shell.run("seven * 6")).contains("==> 42");
    assertThat(shell.run("seven")).contains("seven ==> 7");
    assertThat(shell.run("void hello() {}")).contains("created method hello()");
  }

  @Test
  void incompleteInputContinuesOnASecondaryPrompt() throws Exception {
    int m = shell.mark();
    shell.type("int multi = 1 +\n");
    shell.awaitOutput(m, Repl.CONTINUATION);
    shell.type("2\n");
    assertThat(shell.awaitOutput(m, "multi ==> 3")).doesNotContain("error");
  }

  @Test
  void aPastedBlockRunsAsSeveralSnippets() throws Exception {
    String out = shell.run("int p1 = 1; int p2 = p1 + 1; p2 * 10");
    assertThat(out).contains("p1 ==> 1").contains("p2 ==> 2").contains("==> 20");
  }

  @Test
  void tabCompletesFromJShellAnalysis() throws Exception {
    assertThat(shell.run("\"abc\".subs\t1)")).contains("==> bc");
  }

  @Test
  void tabCompletesTheFacade() throws Exception {
    int m = shell.mark();
    shell.type("Apimo.agency(14).us\t");
    shell.awaitOutput(m, "users()");
    assertThat(shell.run("s\t.count()")).contains("==> 40");
  }

  @Test
  void completerOffersUsersAndSignatures() {
    JavaCompleter completer =
        new JavaCompleter(() -> shell.repl().engine().analysis(), Commands.TABLE);
    String line = "Apimo.agency(14).us";
    assertThat(completer.suggestions(line, line.length(), "us"))
        .extracting(c -> c.value())
        .contains("users()");
    String call = "\"abc\".substring(";
    assertThat(completer.signatures(call, call.length()))
        .contains("String String.substring(int beginIndex)");
  }

  @Test
  void completionCoversTheWholeApi() {
    JavaCompleter completer =
        new JavaCompleter(() -> shell.repl().engine().analysis(), Commands.TABLE);
    assertThat(values(completer, "Apimo.agency(14).pro", "pro")).contains("properties()");
    assertThat(values(completer, "Apimo.agency(14).con", "con"))
        .contains("contacts()", "contracts()");
    assertThat(values(completer, "Apimo.agency(14).properties().st", "st"))
        .contains("step(", "status(");
    assertThat(values(completer, "Apimo.agency(14).send", "send")).contains("sendLead(");
    assertThat(values(completer, "Apimo.cat", "cat")).contains("catalog(", "catalogs()");
    assertThat(Commands.names()).contains("/catalog", "/export", "/raw");
  }

  private static java.util.List<String> values(JavaCompleter completer, String line, String word) {
    return completer.suggestions(line, line.length(), word).stream().map(c -> c.value()).toList();
  }

  @Test
  void queriesPrintAsTablesWithTheRestCounted() throws Exception {
    String out = shell.run("Apimo.agency(14).users()");
    assertThat(out)
        .contains("id  active  firstname")
        .contains("… 20 more of 40")
        .doesNotContain("Query[");
  }

  @Test
  void ctrlCStopsAnEndlessSnippetAndKeepsTheSession() throws Exception {
    shell.run("int survivor = 5");
    int m = shell.mark();
    shell.type("Stream.iterate(0, i -> i + 1).forEach(i -> {})\n");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!shell.repl().busy() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(shell.repl().busy()).isTrue();
    Thread.sleep(200);
    shell.type("\u0003");
    shell.awaitOutput(
        m, "stopped"); // a liveness bound, not a timing claim: the benchmark measures speed
    assertThat(shell.run("survivor + 1")).contains("==> 6");
  }

  @Test
  void ctrlCStopsASleep() throws Exception {
    int m = shell.mark();
    shell.type("Thread.sleep(60_000)\n");
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (!shell.repl().busy() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(shell.repl().busy()).isTrue();
    shell.repl().interrupt();
    shell.awaitOutput(m, "stopped");
    assertThat(shell.run("1 + 2")).contains("==> 3");
  }

  @Test
  void ctrlCAtThePromptClearsTheLine() throws Exception {
    int m = shell.mark();
    shell.type("99999");
    shell.awaitOutput(m, "99999");
    shell.type("\u0003");
    Thread.sleep(300);
    shell.type("7 * 6\n");
    String out = shell.awaitOutput(m, "==> 42");
    assertThat(out).doesNotContain("==> 99999");
  }

  @Test
  void exceptionsPrintOneLineAndStackShowsTheTrace() throws Exception {
    String out = shell.run("throw new IllegalStateException(\"boom\")");
    assertThat(out)
        .contains("IllegalStateException: boom")
        .doesNotContain("\tat ")
        .doesNotContain("java.lang.");
    assertThat(shell.run("/stack"))
        .contains("java.lang.IllegalStateException: boom")
        .contains("\tat ");
  }

  @Test
  void apimoErrorsPrintTheirMessageOnly() throws Exception {
    String out = shell.run("Apimo.agency(999).users().count()");
    assertThat(out).contains("404").doesNotContain("ApimoException").doesNotContain("\tat ");
  }

  @Test
  void compileErrorsPointAtTheColumn() throws Exception {
    String out = shell.run("int wrong = \"text\";");
    assertThat(out).contains("error: incompatible types");
    assertThat(out).contains("int wrong = \"text\";\n            ^");
  }

  @Test
  void commands() throws Exception {
    shell.run("int listed = 12");
    assertThat(shell.run("/vars")).contains("int listed = 12");
    assertThat(shell.run("/imports")).contains("import dev.apimoshell.api.*");
    assertThat(shell.run("/whoami")).contains("the test target");
    assertThat(shell.run("/help")).contains("/http on|off").contains("/stack");
    assertThat(shell.run("/nope")).contains("unknown command /nope").contains("/help lists");
  }

  @Test
  void httpTraceShowsOneLinePerRequest() throws Exception {
    assertThat(shell.run("/http on")).contains("HTTP trace on");
    String out = shell.run("Apimo.agency(14).users().count()");
    assertThat(out)
        .containsPattern(
            "http: GET http://127\\.0\\.0\\.1:\\d+/agencies/14/users\\?\\S* 200 \\d+ ms \\d+ B");
    assertThat(out).doesNotContain(sandbox.token());
    shell.run("/http off");
    assertThat(shell.run("Apimo.agency(14).users().count()")).doesNotContain("http: GET");
  }

  @Test
  void bangIsJavaNotHistoryExpansion() throws Exception {
    assertThat(shell.run("!false")).contains("==> true");
  }

  @Test
  void linesWithTheTokenAreNeverStored() throws Exception {
    shell.run("String remembered = \"kept\"");
    shell.run("String leaked = \"SECRET-TOKEN\"");
    String history = shell.run("/history");
    assertThat(history).contains("remembered").doesNotContain("SECRET-TOKEN");
    assertThat(Files.readString(historyFile)).contains("remembered").doesNotContain("SECRET-TOKEN");
  }

  @Test
  void openRunsAFileInTheSession() throws Exception {
    Path file = Files.createTempFile("opened", ".jsh");
    Files.writeString(file, "int opened = 20\nopened + 1\n");
    assertThat(shell.run("/open " + file)).contains("opened ==> 20").contains("==> 21");
    assertThat(shell.run("opened * 2")).contains("==> 40");
  }

  @Test
  void resetForgetsVariablesButKeepsStartup() throws Exception {
    shell.run("int forgotten = 1");
    assertThat(shell.run("/reset")).contains("reset");
    assertThat(shell.run("forgotten")).contains("error: cannot find symbol");
    assertThat(shell.run("args.length")).contains("==> 0");
    shell.run("int forgotten = 2");
  }

  @Test
  void saveWritesTheSessionsSnippets() throws Exception {
    shell.run("int saved = 41");
    Path file = Files.createTempFile("session", ".jsh");
    assertThat(shell.run("/save " + file)).contains("saved");
    assertThat(Files.readString(file)).contains("int saved = 41;").doesNotContain("void exit");
  }

  @Test
  void rawShowsTheLastResponseBodyPretty() throws Exception {
    shell.run("Apimo.agency(14).users().first()");
    String raw = shell.run("/raw");
    assertThat(raw)
        .contains("GET " + sandbox.baseUrl() + "/agencies/14/users?limit=1&offset=0 200")
        .contains("\"total_items\" : 40")
        .doesNotContain("password");
  }

  @Test
  void exportCommandWritesTheFileAndPrintsOneLine() throws Exception {
    Path file = Files.createTempDirectory("apimo-export").resolve("inactive users.csv");
    String out =
        shell.run("/export Apimo.agency(14).users().where(u -> !u.active()) \"" + file + "\"");
    assertThat(out).containsPattern("inactive users.csv: \\d+ rows, CSV, .* in .* s");
    assertThat(Files.readAllLines(file).get(0)).startsWith("id,agency,active");
    assertThat(shell.run("/export nothing")).contains("usage: /export EXPR FILE");
  }

  @Test
  void catalogCommandShowsCodesAsWords() throws Exception {
    assertThat(shell.run("/catalog user_group")).contains("Administrator");
    assertThat(shell.run("/catalog"))
        .contains("action_type")
        .containsPattern("… \\d+ more of \\d+");
    assertThat(shell.run("/catalog ../x")).contains("not a catalog name");
  }

  @Test
  void progressLineSaysWhatIsLeft() {
    String line =
        Progress.line("/agencies/14/users/9/actions", 250_000, 1_000_000, 10_000_000_000L);
    assertThat(line)
        .isEqualTo(
            "/agencies/14/users/9/actions: 250,000 of 1,000,000 (25%), 25,000/s, 30 s left  (Ctrl-C"
                + " stops)");
  }
}
