package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.internal.export.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session that cannot be lost, helpful errors and jshell's commands, typed at a real prompt: one
 * shell serves the tests that keep it; the tests that end it start their own.
 */
class ShellSessionTest extends DefaultOnTheSandbox {

  private TerminalSession shell;

  /** A second shell, on a terminal 60 columns wide, for the tests of wrapping; opened once. */
  private TerminalSession sixty;

  @TempDir Path dir;

  @BeforeAll
  @Override
  protected void start() throws Exception {
    super.start();
    shell = new TerminalSession();
  }

  @AfterAll
  @Override
  protected void stop() throws Exception {
    shell.close();
    if (sixty != null) {
      sixty.close();
    }
    super.stop();
  }

  private String run(String line) throws Exception {
    return shell.run(line);
  }

  private TerminalSession sixtyColumns() throws Exception {
    if (sixty == null) {
      sixty = new TerminalSession(Files.createTempFile("apimo-history", ""), 60);
    }
    return sixty;
  }

  @Test
  void helpFitsAnEightyColumnTerminal() throws Exception {
    Table.terminalWidth(200); // as a value printed on a wider terminal, or COLUMNS, left it
    try (TerminalSession narrow =
        new TerminalSession(Files.createTempFile(dir, "history", ""), 80)) {
      assertThat(narrow.run("/help").lines())
          .hasSizeGreaterThan(20)
          .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    } finally {
      Table.terminalWidth(0);
    }
  }

  @Test
  void anErrorWrapsBetweenWordsAtASixtyColumnTerminal() throws Exception {
    String out = sixtyColumns().run("Apimo.agency(99).users().count()");
    List<String> lines = out.lines().map(l -> l.replaceAll("\u001b\\[[0-9;]*m", "")).toList();
    assertThat(String.join(" ", lines)).contains("agency 99 is inactive");
    assertThat(lines)
        .filteredOn(l -> l.contains("Forbidden") || l.startsWith("  "))
        .hasSizeGreaterThan(1)
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(60));
  }

  @Test
  void aCompileErrorWrapsAtASixtyColumnTerminalAndKeepsItsCaret() throws Exception {
    String source = "Apimo.agency(14).leads().post(new NewLead(\"A\", \"B\"))";
    String out = sixtyColumns().run(source);
    List<String> lines = out.lines().map(l -> l.replaceAll("\u001b\\[[0-9;]*m", "")).toList();
    assertThat(String.join(" ", lines))
        .contains("error: constructor NewLead")
        .containsPattern("found: +String, String");
    assertThat(lines)
        .filteredOn(l -> !l.contains(".post(") && !l.isBlank() && !l.contains("^"))
        .hasSizeGreaterThan(2)
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(60));
    assertThat(lines).contains(source);
    assertThat(lines.get(lines.indexOf(source) + 1).strip()).isEqualTo("^");
  }

  @Test
  void systemExitAtThePromptKeepsTheSessionAndItsVariables() throws Exception {
    run("int survivor = 5");
    assertThat(run("System.exit(3)")).contains("exit(3) ignored at the prompt").contains("/exit");
    assertThat(run("java.lang.System.exit(4)")).contains("exit(4) ignored");
    assertThat(run("Runtime.getRuntime().halt(6)")).contains("exit(6) ignored");
    assertThat(run("exit(2)")).contains("exit(2) ignored");
    run("void leave() { System.out.println(\"leaving\"); System.exit(9); }");
    assertThat(run("leave()")).contains("leaving").contains("exit(9) ignored");
    assertThat(run("survivor + 1")).contains("==> 6");
    assertThat(run("\"System.exit(1)\".length()")).contains("==> 14");
  }

  @Test
  void openOfAScriptThatExitsStopsThatFileOnlyAndPassesArgs() throws Exception {
    Path file = dir.resolve("leaves.jsh");
    Files.writeString(
        file,
        "int fromFile = args.length;\n"
            + "System.out.println(\"second: \" + args[1]);\n"
            + "exit(2);\n"
            + "int never = 1;\n");
    String out = run("/open " + file + " first \"two words\"");
    assertThat(out).contains("second: two words").contains("leaves.jsh:3: exit(2) ended the file");
    assertThat(run("fromFile")).contains("==> 2");
    assertThat(run("never")).contains("cannot find symbol");
    assertThat(run("args.length")).contains("==> 0");
  }

  @Test
  void openStopsAtTheFirstFailureAndNamesFileAndLine() throws Exception {
    Path file = dir.resolve("fails.jsh");
    Files.writeString(
        file, "int before = 1;\nthrow new IllegalStateException(\"no\");\nint after = 2;\n");
    assertThat(run("/open " + file)).contains("fails.jsh:2: IllegalStateException: no");
    assertThat(run("after")).contains("cannot find symbol");
  }

  @Test
  void bareHelpShowsTheCommandsAndAVariableNamedLikeAWordWins() throws Exception {
    assertThat(run("help")).contains("/help").contains("/exit").contains("/list");
    run("int quit = 3");
    assertThat(run("quit")).contains("quit ==> 3");
    run("/drop quit");
  }

  @Test
  void bareExitAndQuitLeave() throws Exception {
    for (String word : new String[] {"exit", "quit", "exit()"}) {
      try (TerminalSession other = new TerminalSession()) {
        other.type(word + "\n");
        assertThat(other.ends()).as(word).isTrue();
      }
    }
  }

  @Test
  void saveWritesWhatReRunsToTheSameState() throws Exception {
    try (TerminalSession fresh = new TerminalSession()) {
      fresh.run("int total = 2");
      fresh.run("String label = \"kept\"");
      fresh.run("int broken = Integer.parseInt(\"z\")");
      fresh.run("Integer.parseInt(\"also broken\")");
      fresh.run("int total = 3");
      fresh.run("int twice(int x) { return 2 * x; }");
      fresh.run("label + twice(total)");
      Path file = dir.resolve("session.jsh");
      assertThat(fresh.run("/save " + file)).contains("saved");
      assertThat(Files.readString(file).lines())
          .noneMatch(l -> l.strip().equals(";"))
          .noneMatch(l -> l.contains("parseInt"))
          .noneMatch(l -> l.contains("total = 2"))
          .contains("int total = 3;", "String label = \"kept\";");

      fresh.run("String token = \"SECRET-TOKEN\"");
      assertThat(fresh.run("/list")).doesNotContain("SECRET-TOKEN").contains("********");
      assertThat(fresh.run("/save " + file)).contains("1 left out: they hold the API token");
      assertThat(Files.readString(file)).doesNotContain("SECRET-TOKEN");

      fresh.run("/reset");
      assertThat(fresh.run("/open " + file)).doesNotContain("error").doesNotContain("Exception");
      assertThat(fresh.run("label + twice(total)")).contains("kept6");
    }
  }

  @Test
  void stackShowsTheLatestFailureIncludingOnesRecordedOutsideSnippets() throws Exception {
    run("throw new IllegalStateException(\"older\")");
    assertThat(run("/stack")).contains("IllegalStateException: older");
    shell.repl().engine().recordFailure(new IllegalArgumentException("cannot render it"));
    assertThat(run("/stack"))
        .contains("IllegalArgumentException: cannot render it")
        .doesNotContain("older");
    run("System.exit(1)");
    assertThat(run("/stack")).contains("cannot render it");
    run("throw new IllegalStateException(\"older\")");
    assertThat(run("Apimo.agency(99).users()")).contains("403");
    assertThat(run("/stack")).contains("403").doesNotContain("older");
  }

  @Test
  void typosGetTheNearName() throws Exception {
    assertThat(run("Apimo.agncy(14)"))
        .contains("cannot find symbol")
        .contains("did you mean agency?");
    assertThat(run("Apimo.agency(14).userz().count()")).contains("did you mean user or users?");
    run("int counter = 1");
    assertThat(run("countr + 1")).contains("did you mean counter?");
    assertThat(run("/hepl")).contains("unknown command /hepl; did you mean /help?");
    assertThat(run("/zzzzzz")).contains("unknown command /zzzzzz (/help lists the commands)");
    assertThat(run("Apimo.agency(14).property(5140000001)"))
        .contains("integer number too large")
        .contains("end it with L, as in 5140000001L");
    assertThat(
            run("Stream.of(1L, 2L).map(id -> Map.of(\"id\", id, \"city\", \"Cannes\")).toList()"))
        .contains("incompatible types")
        .contains("Map.<String, Object>of(...)");
    assertThat(run("Stream.of(1L, 2L).map(id -> Map.<String, Object>of(\"id\", id)).toList()"))
        .doesNotContain("error");
  }

  @Test
  void unknownCatalogListsTheNearNames() throws Exception {
    String out = run("/catalog property_typ");
    assertThat(out)
        .contains("no catalog property_typ")
        .contains("did you mean property_type")
        .contains("/catalog lists all")
        .doesNotContain("agencies");
  }

  @Test
  void aCompileErrorInARewrittenSnippetShowsWhatWasTyped() throws Exception {
    String typed = "if (true) System.exit(2); else { String t = 1; }";
    String out = run(typed);
    assertThat(out)
        .contains("incompatible types")
        .doesNotContain("ExitGuard")
        .contains(typed + "\n" + " ".repeat(typed.indexOf("1;")) + "^");
  }

  @Test
  void listDropMethodsAndTypesLikeJshell() throws Exception {
    run("int listed = 41");
    run("String greet(String who) { return \"hi \" + who; }");
    run("record Point(int x, int y) {}");
    assertThat(run("/list"))
        .containsPattern("\\d+ : int listed = 41;")
        .contains("String greet(String who)")
        .doesNotContain("void exit");
    assertThat(run("/methods")).contains("String greet(String)").doesNotContain("exit");
    assertThat(run("/types")).contains("record Point");
    assertThat(run("/drop listed")).contains("dropped variable listed");
    assertThat(run("listed")).contains("cannot find symbol");
    assertThat(run("/drop nothing_here")).contains("no snippet nothing_here");
  }

  @Test
  void editRunsWhatTheEditorChanged() throws Exception {
    run("int edited = 41");
    Path editor = dir.resolve("editor.sh");
    Files.writeString(editor, "#!/bin/sh\nsed -i 's/41/43/' \"$1\"\n");
    editor.toFile().setExecutable(true);
    shell.repl().editor(editor.toString());
    assertThat(run("/edit edited")).contains("edited ==> 43");
    assertThat(run("edited + 1")).contains("==> 44");
    shell.repl().editor("true");
    assertThat(run("/edit edited")).contains("no change");
    shell.repl().editor("false");
    assertThat(run("/edit edited")).contains("exited with 1");
  }
}
