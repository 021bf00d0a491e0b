package dev.apimoshell.shell.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalSafeOutputTest {

  private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
  private final PrintStream snippetOut =
      new PrintStream(new TerminalSafeOutput(terminal), true, StandardCharsets.UTF_8);

  private String screen() {
    return terminal.toString(StandardCharsets.UTF_8);
  }

  @Test
  void escapeSequencesFromDataAreShownNotObeyed() {
    snippetOut.println(
        "Eve\u001b]52;c;ZXZpbA==\u0007 \u001b]0;title\u0007 \u001b[2J \u0000 \u009b2J");

    assertThat(screen())
        .isEqualTo("Eve^[]52;c;ZXZpbA==^G ^[]0;title^G ^[[2J ^@ <U+009B>2J\n")
        .doesNotContain("\u001b");
  }

  @Test
  void coloursPassEvenWhenSplitOverWrites() {
    snippetOut.print("\u001b[3");
    snippetOut.print("1mred\u001b[0m é\n");

    assertThat(screen()).isEqualTo("\u001b[31mred\u001b[0m é\n");
  }

  @Test
  void lineEndingsTabsAndTextPassUnchanged() {
    snippetOut.print("a\tb\r\nLefèvre 東京 😀\n");

    assertThat(screen()).isEqualTo("a\tb\r\nLefèvre 東京 😀\n");
  }

  @Test
  void aCarriageReturnThatWouldRewriteTheLineIsShown() {
    snippetOut.println("Mallory\rGOODNAME");
    snippetOut.print("split\r");
    snippetOut.print("\n");

    assertThat(screen()).isEqualTo("Mallory^MGOODNAME\nsplit\r\n");
  }

  @Test
  void bidiControlsBackspaceAndInvisibleSeparatorsAreShownAsTheShellShowsThem() {
    String name = "a\u202Eb\u200Fc\u061Cd\bX\u2028e\u200Bf";
    snippetOut.println(name);

    assertThat(screen())
        .isEqualTo("a<U+202E>b<U+200F>c<U+061C>d^HX<U+2028>e<U+200B>f\n")
        .isEqualTo(dev.apimoshell.internal.text.ControlChars.visible(name) + "\n");
  }

  @Test
  void aCharacterSplitOverTwoWritesIsJudgedWhole() throws Exception {
    byte[] rlo = "\u202E".getBytes(StandardCharsets.UTF_8);
    var raw = new TerminalSafeOutput(terminal);
    raw.write(rlo, 0, 1);
    raw.write(rlo, 1, 2);
    raw.write(new byte[] {(byte) 0xff, 'x', (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80});

    assertThat(screen()).isEqualTo("<U+202E>\uFFFDx😀");
  }

  @Test
  void zeroWidthJoinersOfEmojiSequencesPass() {
    snippetOut.print("👩\u200D💻\n");

    assertThat(screen()).isEqualTo("👩\u200D💻\n");
  }
}
