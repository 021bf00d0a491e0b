package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.DefaultClientReset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history file that is damaged or cannot be written never stops the prompt nor loses lines: one
 * notice naming the file and what was done, once; JLine's own warnings (with stack traces) are not
 * shown.
 */
@ExtendWith(DefaultClientReset.class)
class DamagedHistoryTest {

  @TempDir Path home;
  private final List<String> notices = new ArrayList<>();
  private final List<LogRecord> jlineLogs = new ArrayList<>();
  private final Logger jline = Logger.getLogger("org.jline");
  private final Handler collect =
      new Handler() {
        @Override
        public void publish(LogRecord log) {
          boolean shown = log.getLevel().intValue() >= Level.INFO.intValue();
          if (shown && (jline.getFilter() == null || jline.getFilter().isLoggable(log))) {
            jlineLogs.add(log);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level level;

  @BeforeEach
  void listenToJline() {
    level = jline.getLevel();
    jline.setLevel(Level.ALL);
    jline.addHandler(collect);
  }

  @AfterEach
  void stopListening() {
    jline.removeHandler(collect);
    jline.setLevel(level);
  }

  /** Types {@code lines} at a prompt keeping its history in {@code file}; returns what was read. */
  private List<String> type(Path file, String... lines) throws Exception {
    byte[] keys = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    try (Terminal terminal =
        new DumbTerminal(new ByteArrayInputStream(keys), new ByteArrayOutputStream())) {
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .history(new SecretSafeHistory(null, notices::add))
              .variable(LineReader.HISTORY_FILE, file)
              .build();
      List<String> read = new ArrayList<>();
      try {
        while (true) {
          read.add(reader.readLine("apimo> "));
        }
      } catch (EndOfFileException end) {
        return read;
      }
    }
  }

  @Test
  void aHistoryFileThatIsNotUtf8IsMovedAsideAndItsGoodEntriesKept() throws Exception {
    Path file = home.resolve("history");
    byte[] damaged = bytes("1733552400000:var a = 1\n1733552400001:caf\u00e9 ", 0xff, 0xfe, '\n');
    damaged = concat(damaged, bytes("1733552400002:a + 1\n"));
    Files.write(file, damaged);

    assertThat(type(file, "a * 2")).containsExactly("a * 2");

    assertThat(Files.readAllBytes(home.resolve("history.bad"))).isEqualTo(damaged);
    assertThat(Files.readAllLines(file))
        .hasSize(3)
        .anyMatch(l -> l.endsWith(":var a = 1"))
        .anyMatch(l -> l.endsWith(":a + 1"))
        .anyMatch(l -> l.endsWith(":a * 2"));
    assertThat(notices)
        .containsExactly(
            "warning: history file "
                + file
                + " had 1 damaged line (line 2 is not UTF-8); moved aside as history.bad, its 2"
                + " good entries kept");
  }

  @Test
  void aMegabyteLineJlineWouldDropMakesItKeepTheWholeFileAsideNotRewriteIt() throws Exception {
    Path file = home.resolve("history");
    String huge = "x".repeat(1 << 20);
    Files.writeString(file, "1733552400000:first\n" + huge + "\n1733552400001:second\n");
    long before = Files.size(file);

    type(file, "third", "fourth");

    assertThat(Files.size(home.resolve("history.bad"))).isEqualTo(before);
    assertThat(Files.readString(home.resolve("history.bad"))).contains(huge);
    assertThat(Files.readAllLines(file)).hasSize(4);
    assertThat(notices)
        .singleElement()
        .asString()
        .contains(file.toString(), "line 2 is not a history entry", "history.bad");
    assertThat(jlineLogs).isEmpty();
  }

  @Test
  void anOlderBadFileIsNeverReplaced() throws Exception {
    Path file = home.resolve("history");
    Files.writeString(home.resolve("history.bad"), "older");
    Files.write(file, bytes("1:ok\n", 0xc3, '\n'));

    type(file, "1 + 1");

    assertThat(Files.readString(home.resolve("history.bad"))).isEqualTo("older");
    assertThat(home.resolve("history.bad.2")).exists();
    assertThat(notices).singleElement().asString().contains("moved aside as history.bad.2");
  }

  @Test
  void anUnwritableHistoryIsReportedOnceNotOnEveryLine() throws Exception {
    Files.writeString(home.resolve("config"), "a file where the folder should be");
    Path file = home.resolve("config").resolve("history");

    assertThat(type(file, "1", "2", "3", "4", "5")).containsExactly("1", "2", "3", "4", "5");

    assertThat(notices)
        .singleElement()
        .asString()
        .startsWith("warning: history not saved to " + file + " (")
        .endsWith("); this session's lines stay in memory only")
        .doesNotContain("\n", "\tat ");
    assertThat(jlineLogs).as("JLine's 'Failed to save history' with its trace").isEmpty();
  }

  @Test
  void aHistoryFileThatIsNoRegularFileIsIgnoredAndNeverOpened() throws Exception {
    Path folder = Files.createDirectory(home.resolve("history"));
    Path fifo = home.resolve("fifo-history");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();

    assertThat(type(folder, "1 + 1")).containsExactly("1 + 1");
    assertThat(type(fifo, "2 + 2")).containsExactly("2 + 2"); // would block on open

    assertThat(notices)
        .containsExactly(
            "warning: history file "
                + folder
                + " ignored (it is not a regular file); this session's lines are not saved",
            "warning: history file "
                + fifo
                + " ignored (it is not a regular file); this session's lines are not saved");
    assertThat(folder).isEmptyDirectory();
    assertThat(jlineLogs).isEmpty();
  }

  @Test
  void atThePromptTheShellGoesOnAndNamesTheFile() throws Exception {
    Path file = home.resolve("history");
    Files.write(file, bytes("1733552400000:1 + 1\n", 0xff, '\n'));
    try (TerminalSession shell = new TerminalSession(file)) {
      int m = 0;
      assertThat(shell.run("20 + 22")).contains("42");
      assertThat(shell.since(m))
          .containsOnlyOnce("warning: history file " + file + " had 1 damaged line")
          .doesNotContain("Exception");
    }
    assertThat(home.resolve("history.bad")).exists();
  }

  private static byte[] bytes(String text, int... more) {
    byte[] head = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + more.length];
    System.arraycopy(head, 0, all, 0, head.length);
    for (int i = 0; i < more.length; i++) {
      all[head.length + i] = (byte) more[i];
    }
    return all;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
