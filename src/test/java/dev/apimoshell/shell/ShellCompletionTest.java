package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TAB, TAB TAB and Shift+TAB at the prompt, typed through a JLine terminal: slash commands and
 * their arguments, quiet member lists, the facade's javadoc, imports, and jars added at the prompt.
 */
class ShellCompletionTest extends DefaultOnTheSandbox {

  private static final String SHIFT_TAB = "\033[Z";
  private static final String CTRL_U = "\u0015";

  private TerminalSession shell;

  @TempDir Path dir;

  @BeforeAll
  @Override
  protected void start() throws Exception {
    super.start();
    shell = new TerminalSession(Files.createTempFile("apimo-history", ""));
  }

  @AfterAll
  @Override
  protected void stop() throws Exception {
    shell.close();
    super.stop();
  }

  private JavaCompleter completer() {
    return new JavaCompleter(() -> shell.repl().engine().analysis(), Commands.TABLE);
  }

  /** What TAB would offer for {@code line} with the cursor at its end. */
  private List<String> offered(String line) {
    var reader = shell.repl().reader();
    var parsed = reader.getParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
    List<Candidate> candidates = new ArrayList<>();
    completer().complete(reader, parsed, candidates);
    return candidates.stream().map(Candidate::value).toList();
  }

  @Test
  void tabCompletesACommandNameThatThenRuns() throws Exception {
    assertThat(shell.run("/wh\t")).contains("the test target").doesNotContain("//");
  }

  @Test
  void tabAfterASlashListsTheCommands() throws Exception {
    int m = shell.mark();
    shell.type("/\t");
    String out = shell.awaitOutput(m, "/whoami");
    assertThat(out).contains("/catalog", "/export", "/http", "/env").doesNotContain("//");
    shell.type(CTRL_U);
    assertThat(offered("/")).containsAll(Commands.names());
  }

  @Test
  void httpArgumentsComplete() throws Exception {
    assertThat(offered("/http ")).containsExactlyInAnyOrder("on", "off");
    assertThat(shell.run("/http of\t")).contains("HTTP trace off");
  }

  @Test
  void openSaveAndExportCompleteFileNames() throws Exception {
    Path script = dir.resolve("completion-probe.jsh");
    Files.writeString(script, "int probed = 5\n");
    assertThat(shell.run("/open " + dir + "/completion-pr\t")).contains("probed ==> 5");
    assertThat(offered("/save " + dir + "/completion-")).contains(script.toString());
    assertThat(offered("/export Apimo.agency(14).users() " + dir + "/comp"))
        .contains(script.toString());
    assertThat(offered("/env --class-path " + dir + "/comp")).contains(script.toString());
    assertThat(offered("/diff agency-14 " + dir + "/comp")).contains(script.toString());
    assertThat(offered("/env --cl")).contains("--class-path");
    assertThat(offered("/export Apimo.agency(14).us")).contains("Apimo.agency(14).users()");
  }

  @Test
  void memberListsLeaveOutWhatEveryObjectHas() throws Exception {
    List<String> members = offered("Apimo.agency(14).");
    assertThat(members).contains("users()", "properties()");
    assertThat(String.join(" ", members))
        .doesNotContain("wait(", "notify()", "notifyAll()", "getClass()", "hashCode()")
        .doesNotContain("equals(", "toString()");
    assertThat(String.join(" ", offered("Apimo.agency(14).users().first().get().")))
        .contains("email()")
        .doesNotContain("tableColumns()", "codeCatalogs()", "toString()");
    assertThat(offered("Apimo.agency(14).hash")).containsExactly("hashCode()");
    assertThat(offered("Apimo.agency(14).toS")).containsExactly("toString()");

    int m = shell.mark();
    shell.type("Apimo.agency(14).\t");
    String out = shell.awaitOutput(m, "properties()");
    shell.type(CTRL_U);
    assertThat(out).doesNotContain("notifyAll()").doesNotContain("getClass()");
  }

  @Test
  void secondTabShowsTheFacadesJavadoc() throws Exception {
    int m = shell.mark();
    shell.type("Apimo.agency(\t");
    shell.awaitOutput(m, "TAB again: documentation");
    shell.type("\t");
    String out = shell.awaitOutput(m, "A handle on an agency of the default client.");
    assertThat(out).contains("AgencyRef Apimo.agency(long id)");
    shell.type(CTRL_U);

    String docs = completer().documentation("Apimo.agency(14).users(", 23, 100);
    assertThat(docs).contains("The agency's users (10,000 a page at most).");
  }

  @Test
  void jdkMethodsWithoutSourcesShowTheirSignatures() {
    String call = "\"abc\".substring(";
    assertThat(completer().documentation(call, call.length(), 100))
        .contains("String String.substring(int beginIndex)");
  }

  @Test
  void shiftTabIImportsTheTypeUnderTheCursor() throws Exception {
    assertThat(shell.run("new LongAdder().sum()")).contains("cannot find symbol");
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      int m = shell.mark();
      shell.type("LongAdder" + SHIFT_TAB + "i");
      String out = awaitEither(m, "0: do nothing", "Shift+TAB i");
      if (out.contains("1: import java.util.concurrent.atomic.LongAdder")) {
        shell.type("1");
        shell.awaitOutput(m, "imported java.util.concurrent.atomic.LongAdder");
        shell.type(CTRL_U);
        break;
      }
      shell.type(CTRL_U);
      assertThat(System.nanoTime())
          .as("the class path index never came: " + out)
          .isLessThan(deadline);
      Thread.sleep(500);
    }
    assertThat(shell.run("new LongAdder().sum()")).contains("==> 0");
  }

  private String awaitEither(int mark, String one, String other) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      String text = shell.since(mark);
      if (text.contains(one) || text.contains(other)) {
        return text;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("neither <" + one + "> nor <" + other + ">:\n" + shell.since(mark));
  }

  @Test
  void shiftTabVIntroducesAVariable() throws Exception {
    assertThat(shell.run("Apimo.agency(14)" + SHIFT_TAB + "vintroduced"))
        .contains("introduced ==>");
    assertThat(shell.run("introduced.id()")).contains("==> 14");
  }

  @Test
  void envClassPathAddsAJarThatCompletionKnows() throws Exception {
    Path jar = probeJar(dir);
    assertThat(shell.run("/env --class-path " + dir.resolve("missing.jar")))
        .contains("no such jar or directory");
    assertThat(shell.run("/env --class-path " + jar)).contains("added to the class path");
    assertThat(shell.run("new probe.Hello().greet()")).contains("==> hello from the jar");
    assertThat(offered("new probe.Hello().gr")).contains("greet()");
    shell.run("/reset");
    assertThat(shell.run("new probe.Hello().greet()")).contains("==> hello from the jar");
  }

  @Test
  void classPathOptionAddsJarsToScripts() throws Exception {
    Path jar = probeJar(Files.createDirectories(dir.resolve("cli")));
    ShellProcess.Ran ok =
        ShellProcess.inProcess(
            "", "--sandbox", "--class-path", jar.toString(), "-e", "new probe.Hello().greet()");
    assertThat(ok.out()).contains("hello from the jar");
    assertThat(ok.exitValue()).isZero();
    ShellProcess.Ran bad =
        ShellProcess.inProcess("", "--sandbox", "--class-path", "nope.jar", "-e", "1");
    assertThat(bad.err())
        .isEqualTo(
            "apimo-shell: --class-path: no such jar or directory: nope.jar (give a .jar file or a"
                + " class directory)\n");
    assertThat(bad.exitValue()).isEqualTo(2);
  }

  /** A jar holding {@code probe.Hello} with a {@code greet()} method. */
  static Path probeJar(Path dir) throws Exception {
    Path src = Files.createDirectories(dir.resolve("probe-src/probe"));
    Files.writeString(
        src.resolve("Hello.java"),
        "package probe; public class Hello {"
            + " public String greet() { return \"hello from the jar\"; } }");
    Path classes = Files.createDirectories(dir.resolve("probe-classes"));
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), src.resolve("Hello.java").toString());
    assertThat(status).isZero();
    Path jar = dir.resolve("probe.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("probe/Hello.class"));
      out.write(Files.readAllBytes(classes.resolve("probe/Hello.class")));
      out.closeEntry();
    }
    return jar;
  }
}
