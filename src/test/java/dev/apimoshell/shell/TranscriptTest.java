package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /record} writes a ticket's Markdown as the session goes (inputs, tables, errors, HTTP
 * lines, writes marked, no token, no password); {@code /save} of a session that sent a lead replays
 * without writing.
 */
class TranscriptTest extends DefaultOnTheSandbox {
  @TempDir Path dir;

  @Test
  void aRecordedSessionHoldsInputsOutputsHttpLinesAndNoSecret() throws Exception {
    Path ticket = dir.resolve("ticket-4512.md");
    try (var shell = new TerminalSession(null, 60)) {
      assertThat(shell.run("/record " + ticket)).contains("recording into");
      shell.run("Apimo.agency(14).users().limit(3).list()");
      shell.run("String password = \"hunter2\";");
      shell.run("Apimo.agency(14).property(1L).orElseThrow()");
      shell.run("Apimo.agency(14).sendLead(NewLead.of(\"Lefèvre\", \"h@example.com\"))");
      shell.run("\"SECRET-TOKEN\".length()");
      assertThat(shell.run("/record off")).contains("recorded into");
      shell.run("1 + 1");
    }
    String md = Files.readString(ticket);

    assertThat(md)
        .contains("# apimo-shell session", "- target: the test target")
        .contains("`Apimo.agency(14).users().limit(3).list()`")
        .contains("\nid  active  firstname")
        .containsPattern("- `GET http://[^`]+/agencies/14/users[^`]* 200 \\d+ ms")
        .containsPattern("\\*\\*write\\*\\* `POST http://[^`]+/agencies/14/leads[^`]* 20\\d")
        .contains("**write** (sendLead)")
        .contains("NoSuchElementException")
        .contains("password = \"***\"")
        .doesNotContain("hunter2", "SECRET-TOKEN", sandbox.token())
        .doesNotContain("1 + 1");
    String users = md.substring(md.indexOf("\nid  active  firstname"));
    assertThat(users.substring(0, users.indexOf("\n```")).lines())
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
  }

  @Test
  void aSavedSessionThatSentALeadReplaysWithoutWriting() throws Exception {
    Path saved = dir.resolve("session.jsh");
    try (var shell = new TerminalSession(null, 100)) {
      shell.run("var lead = NewLead.of(\"Lefèvre\", \"h@example.com\");");
      shell.run("long id = Apimo.agency(14).sendLead(lead);");
      assertThat(shell.run("/save " + saved)).contains("saved");
    }
    assertThat(Files.readString(saved))
        .contains("// long id = Apimo.agency(14).sendLead(lead);")
        .contains("not saved as code: it writes to Apimo (sendLead)");

    long before = sandbox.requestCount();
    try (var shell = new TerminalSession(null, 100)) {
      shell.run("/open " + saved);
      assertThat(shell.run("lead != null")).contains("true");
    }
    assertThat(sandbox.requestCount()).isEqualTo(before);
  }

  @Test
  void aScriptWithRecordWritesEachSnippetBeforeWhatItPrinted() throws Exception {
    Path ticket = dir.resolve("script-ticket.md");
    var ran =
        ShellProcess.inProcess(
            "", "--sandbox", "--record", ticket.toString(), "-e", "40 + 2", "-e", "\"n\" + 7");

    assertThat(ran.exitValue()).as(ran.err()).isZero();
    assertThat(ran.out()).isEqualTo("42\nn7\n");
    java.util.List<String> md = Files.readAllLines(ticket);
    int first = indexOf(md, l -> l.startsWith("### ") && l.endsWith("`40 + 2`"));
    int second = indexOf(md, l -> l.startsWith("### ") && l.endsWith("`\"n\" + 7`"));
    assertThat(first).as(String.join("\n", md)).isNotNegative();
    assertThat(md.indexOf("42")).isBetween(first, second);
    assertThat(md.indexOf("n7")).isGreaterThan(second);
  }

  private static int indexOf(java.util.List<String> lines, java.util.function.Predicate<String> p) {
    for (int i = 0; i < lines.size(); i++) {
      if (p.test(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
