package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Self-contained checks of what commands say: /help's words and /export's errors. */
class CommandWordsTest {

  @Test
  void helpSaysWhatHttpAloneDoes() {
    assertThat(Commands.lookup("/http").orElseThrow().summary())
        .contains("no argument: whether it is on");
  }

  @Test
  void anErrorInTheExpressionEchoesTheExpressionNotTheRewrite() {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    try (JShellEngine engine =
        new JShellEngine(new PrintStream(out, true), new PrintStream(err, true))) {
      int status =
          new ScriptRunner(
                  engine,
                  new Feedback(Feedback.Mode.SILENT, false, Printers.standard()),
                  new PrintStream(out, true),
                  new PrintStream(err, true))
              .run("/export nope f.csv\n", "test.jsh");
      String text = err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8);
      assertThat(status).isEqualTo(1);
      assertThat(text).contains("cannot find symbol", "\nnope\n^").doesNotContain("Apimo.export(");
    }
  }
}
