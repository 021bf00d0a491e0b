package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.Apimo;
import dev.apimoshell.DefaultClientReset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Lines typed at the prompt, read by JLine and saved to the history file: no token gets there. */
@ExtendWith(DefaultClientReset.class)
class SecretSafeHistoryTest {

  @TempDir Path dir;

  /** Types {@code lines} into a reader with the history file, then returns the file's lines. */
  private List<String> typeAndSave(String configured, String... lines) throws Exception {
    Path file = dir.resolve("history");
    byte[] keys = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    SecretSafeHistory history = new SecretSafeHistory(configured);
    try (Terminal terminal =
        new DumbTerminal(new ByteArrayInputStream(keys), new ByteArrayOutputStream())) {
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .history(history)
              .variable(LineReader.HISTORY_FILE, file)
              .build();
      List<String> read = new ArrayList<>();
      try {
        while (true) {
          read.add(reader.readLine("apimo> "));
        }
      } catch (EndOfFileException end) {
        assertThat(read).containsExactly(lines);
      }
      history.save();
    }
    return Files.readAllLines(file);
  }

  @Test
  void aTokenTypedIntoConnectIsNeverStored() throws Exception {
    String file =
        String.join(
            "\n",
            typeAndSave(
                null,
                "int kept = 1",
                "var prod = Apimo.connect(\"https://api.apimo.pro\", \"1234\", \"typed-t0ken\")",
                "var b = ApimoConfig.of(url, p, \"typed-too\").withRequestsPerSecond(1)",
                "var env = Apimo.connect(url, \"1\", System.getenv(\"APIMO_TOKEN\"))",
                "List.of(\"a\", \"b\", \"c\")",
                "String apiToken = \"assigned-first\"",
                "var prodSecret=\"assigned-too\"",
                "boolean same = token == \"x\""));
    assertThat(file)
        .contains("kept", "System.getenv", "List.of", "same")
        .doesNotContain("typed-t0ken")
        .doesNotContain("typed-too")
        .doesNotContain("assigned-first")
        .doesNotContain("assigned-too");
  }

  @Test
  void anyClientsTokenIsKeptOut() throws Exception {
    Apimo.connect("http://127.0.0.1:9", "1", "registered-secret-42");
    Apimo.connect("http://127.0.0.1:9", "1", "e");
    List<String> file =
        typeAndSave(
            "configured-secret",
            "String a = \"registered-secret-42\"",
            "String b = \"configured-secret\"",
            "String c = \"fine\"",
            "String d = \"e\"");
    assertThat(String.join("\n", file))
        .contains("fine")
        .doesNotContain("String d")
        .doesNotContain("registered-secret-42")
        .doesNotContain("configured-secret");
  }

  @Test
  void findsTheThirdArgumentPastNestedCallsAndLiterals() {
    assertThat(SecretSafeHistory.typesATokenLiteral("connect(f(a, b), \"x,y\", \"tok\")")).isTrue();
    assertThat(SecretSafeHistory.typesATokenLiteral("connect(f(a, b), \"x,y\", tok)")).isFalse();
    assertThat(SecretSafeHistory.typesATokenLiteral("connect(a, b)")).isFalse();
    assertThat(SecretSafeHistory.typesATokenLiteral("ApimoConfig.insecure(u, p,\n  \"tok\""))
        .isTrue();
  }
}
