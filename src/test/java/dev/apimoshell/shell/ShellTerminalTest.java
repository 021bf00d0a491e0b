package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.Apimo;
import dev.apimoshell.DefaultClientReset;
import dev.apimoshell.sandbox.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drives the real REPL loop through a JLine terminal over pipes (an external xterm, not a dumb one:
 * JLine's dumb mode has no TAB completion and no secondary prompt; and its line discipline turns a
 * typed Ctrl-C into the INT signal, as a real terminal does): types lines and reads what the shell
 * prints. One shell (one JShell start) serves every test.
 */
@ExtendWith(DefaultClientReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellTerminalTest {

  private Sandbox sandbox;
  private PipedOutputStream keyboard;
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private Repl repl;
  private Thread loop;
  private Path historyFile;

  @BeforeAll
  void start() throws Exception {
    sandbox = Sandbox.start();
    Apimo.connect(sandbox.baseUrl(), sandbox.provider(), sandbox.token()).makeDefault();
    keyboard = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keyboard, 1 << 16);
    OutputStream out =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (screen) {
              screen.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (screen) {
              screen.write(b, off, len);
            }
          }
        };
    Terminal terminal = new ExternalTerminal("test", "xterm", in, out, StandardCharsets.UTF_8);
    terminal.setSize(new Size(120, 40));
    historyFile = Files.createTempFile("apimo-history", "");
    repl =
        new Repl(
            terminal,
            o -> new JShellEngine(o, o),
            Printers.standard(),
            () -> "the test target",
            historyFile,
            "SECRET-TOKEN");
    loop = new Thread(repl::run, "repl under test");
    loop.start();
    type("");
    awaitOutput(0, Repl.PROMPT);
  }

  @AfterAll
  void stop() throws Exception {
    type("/exit\n");
    loop.join(5000);
    repl.close();
    sandbox.close();
  }

  private void type(String keys) throws IOException {
    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  private int mark() {
    synchronized (screen) {
      return screen.size();
    }
  }

  /** What the shell printed since {@code mark}, without terminal escape sequences. */
  private String since(int mark) {
    byte[] bytes;
    synchronized (screen) {
      bytes = screen.toByteArray();
    }
    String text = new String(bytes, mark, bytes.length - mark, StandardCharsets.UTF_8);
    return text.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
  }

  /** Waits until the output since {@code mark} contains {@code expected}, then returns it. */
  private String awaitOutput(int mark, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      String text = since(mark);
      if (text.contains(expected)) {
        return text;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "expected output containing <" + expected + "> but got:\n" + since(mark));
  }

  /** Types a line and waits for the next prompt after it; returns what was printed. */
  private String run(String line) throws Exception {
    int m = mark();
    type(line + "\n");
    String text = awaitOutputAfterResult(m);
    return text;
  }

  private String awaitOutputAfterResult(int m) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      String text = since(m);
      int lastPrompt = text.lastIndexOf(Repl.PROMPT);
      if (lastPrompt > 0 && text.substring(0, lastPrompt).contains("\n") && !repl.busy()) {
        return text.substring(0, lastPrompt);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no prompt came back; output:\n" + since(m));
  }

  @Test
  void evaluatesExpressionsAndDeclarations() throws Exception {
    assertThat(run("40 + 2")).contains("==> 42");
    assertThat(run("int seven = 7")).contains("seven ==> 7");
    assertThat(run("seven * 6")).contains("==> 42");
    assertThat(run("seven")).contains("seven ==> 7");
    assertThat(run("void hello() {}")).contains("created method hello()");
  }

  @Test
  void incompleteInputContinuesOnASecondaryPrompt() throws Exception {
    int m = mark();
    type("int multi = 1 +\n");
    awaitOutput(m, Repl.CONTINUATION);
    type("2\n");
    assertThat(awaitOutput(m, "multi ==> 3")).doesNotContain("error");
  }

  @Test
  void aPastedBlockRunsAsSeveralSnippets() throws Exception {
    String out = run("int p1 = 1; int p2 = p1 + 1; p2 * 10");
    assertThat(out).contains("p1 ==> 1").contains("p2 ==> 2").contains("==> 20");
  }

  @Test
  void tabCompletesFromJShellAnalysis() throws Exception {
    assertThat(run("\"abc\".subs\t1)")).contains("==> bc");
  }

  @Test
  void tabCompletesTheFacade() throws Exception {
    int m = mark();
    type("Apimo.agency(14).us\t");
    awaitOutput(m, "users()");
    assertThat(run("s\t.count()")).contains("==> 40");
  }

  @Test
  void completerOffersUsersAndSignatures() {
    JavaCompleter completer = new JavaCompleter(() -> repl.engine().analysis(), Commands.names());
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
    JavaCompleter completer = new JavaCompleter(() -> repl.engine().analysis(), Commands.names());
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
    String out = run("Apimo.agency(14).users()");
    assertThat(out)
        .contains("id  active  firstname")
        .contains("… 20 more of 40")
        .doesNotContain("Query[");
  }

  @Test
  void ctrlCStopsAnEndlessSnippetAndKeepsTheSession() throws Exception {
    run("int survivor = 5");
    int m = mark();
    type("Stream.iterate(0, i -> i + 1).forEach(i -> {})\n");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!repl.busy() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(repl.busy()).isTrue();
    Thread.sleep(200);
    type("\u0003");
    awaitOutput(m, "stopped"); // a liveness bound, not a timing claim: the benchmark measures speed
    assertThat(run("survivor + 1")).contains("==> 6");
  }

  @Test
  void ctrlCStopsASleep() throws Exception {
    int m = mark();
    type("Thread.sleep(60_000)\n");
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (!repl.busy() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(repl.busy()).isTrue();
    repl.interrupt();
    awaitOutput(m, "stopped");
    assertThat(run("1 + 2")).contains("==> 3");
  }

  @Test
  void ctrlCAtThePromptClearsTheLine() throws Exception {
    int m = mark();
    type("99999");
    awaitOutput(m, "99999");
    type("\u0003");
    Thread.sleep(300);
    type("7 * 6\n");
    String out = awaitOutput(m, "==> 42");
    assertThat(out).doesNotContain("==> 99999");
  }

  @Test
  void exceptionsPrintOneLineAndStackShowsTheTrace() throws Exception {
    String out = run("throw new IllegalStateException(\"boom\")");
    assertThat(out)
        .contains("IllegalStateException: boom")
        .doesNotContain("\tat ")
        .doesNotContain("java.lang.");
    assertThat(run("/stack")).contains("java.lang.IllegalStateException: boom").contains("\tat ");
  }

  @Test
  void apimoErrorsPrintTheirMessageOnly() throws Exception {
    String out = run("Apimo.agency(999).users().count()");
    assertThat(out).contains("404").doesNotContain("ApimoException").doesNotContain("\tat ");
  }

  @Test
  void compileErrorsPointAtTheColumn() throws Exception {
    String out = run("int wrong = \"text\";");
    assertThat(out).contains("error: incompatible types");
    assertThat(out).contains("int wrong = \"text\";\n            ^");
  }

  @Test
  void commands() throws Exception {
    run("int listed = 12");
    assertThat(run("/vars")).contains("int listed = 12");
    assertThat(run("/imports")).contains("import dev.apimoshell.api.*");
    assertThat(run("/whoami")).contains("the test target");
    assertThat(run("/help")).contains("/http on|off").contains("/stack");
    assertThat(run("/nope")).contains("unknown command /nope").contains("/help lists");
  }

  @Test
  void httpTraceShowsOneLinePerRequest() throws Exception {
    assertThat(run("/http on")).contains("HTTP trace on");
    String out = run("Apimo.agency(14).users().count()");
    assertThat(out)
        .containsPattern(
            "http: GET http://127\\.0\\.0\\.1:\\d+/agencies/14/users\\?\\S* 200 \\d+ ms \\d+ B");
    assertThat(out).doesNotContain(sandbox.token());
    run("/http off");
    assertThat(run("Apimo.agency(14).users().count()")).doesNotContain("http: GET");
  }

  @Test
  void bangIsJavaNotHistoryExpansion() throws Exception {
    assertThat(run("!false")).contains("==> true");
  }

  @Test
  void linesWithTheTokenAreNeverStored() throws Exception {
    run("String remembered = \"kept\"");
    run("String leaked = \"SECRET-TOKEN\"");
    String history = run("/history");
    assertThat(history).contains("remembered").doesNotContain("SECRET-TOKEN");
    assertThat(Files.readString(historyFile)).contains("remembered").doesNotContain("SECRET-TOKEN");
  }

  @Test
  void openRunsAFileInTheSession() throws Exception {
    Path file = Files.createTempFile("opened", ".jsh");
    Files.writeString(file, "int opened = 20\nopened + 1\n");
    assertThat(run("/open " + file)).contains("opened ==> 20").contains("==> 21");
    assertThat(run("opened * 2")).contains("==> 40");
  }

  @Test
  void resetForgetsVariablesButKeepsStartup() throws Exception {
    run("int forgotten = 1");
    assertThat(run("/reset")).contains("reset");
    assertThat(run("forgotten")).contains("error: cannot find symbol");
    assertThat(run("args.length")).contains("==> 0");
    run("int forgotten = 2");
  }

  @Test
  void saveWritesTheSessionsSnippets() throws Exception {
    run("int saved = 41");
    Path file = Files.createTempFile("session", ".jsh");
    assertThat(run("/save " + file)).contains("saved");
    assertThat(Files.readString(file)).contains("int saved = 41;").doesNotContain("void exit");
  }

  @Test
  void rawShowsTheLastResponseBodyPretty() throws Exception {
    run("Apimo.agency(14).users().first()");
    String raw = run("/raw");
    assertThat(raw)
        .contains("GET " + sandbox.baseUrl() + "/agencies/14/users?limit=1&offset=0 200")
        .contains("\"total_items\" : 40")
        .doesNotContain("password");
  }

  @Test
  void exportCommandWritesTheFileAndPrintsOneLine() throws Exception {
    Path file = Files.createTempDirectory("apimo-export").resolve("inactive users.csv");
    String out = run("/export Apimo.agency(14).users().where(u -> !u.active()) \"" + file + "\"");
    assertThat(out).containsPattern("inactive users.csv: \\d+ rows, CSV, .* in .* s");
    assertThat(Files.readAllLines(file).get(0)).startsWith("id,agency,active");
    assertThat(run("/export nothing")).contains("usage: /export EXPR FILE");
  }

  @Test
  void catalogCommandShowsCodesAsWords() throws Exception {
    assertThat(run("/catalog user_group")).contains("Administrator");
    assertThat(run("/catalog")).contains("action_type").containsPattern("… \\d+ more of \\d+");
    assertThat(run("/catalog ../x")).contains("not a catalog name");
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
