package dev.apimoshell.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.internal.export.Table;
import dev.apimoshell.internal.text.ControlChars;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlCharsTest {

  private static final String HOSTILE =
      "Eve\u001b]52;c;ZXZpbA==\u0007\u001b]0;pwned\u0007\u001b[2J\u0000\u009b31m";

  @Test
  void escapesBellNulAndC1ControlsBecomeVisibleText() {
    String shown = ControlChars.visible(HOSTILE);

    assertThat(shown)
        .isEqualTo("Eve^[]52;c;ZXZpbA==^G^[]0;pwned^G^[[2J^@<U+009B>31m")
        .doesNotContain("\u001b", "\u0007", "\u0000", "\u009b");
  }

  @Test
  void lineFeedsAndTabsStayAndCarriageReturnsOnlyBeforeALineFeed() {
    assertThat(ControlChars.visible("a\tb\r\nc\rd")).isEqualTo("a\tb\nc^Md");
    assertThat(ControlChars.visible("plain Lefèvre 東京")).isEqualTo("plain Lefèvre 東京");
  }

  @Test
  void bidiOverridesAreShownNotObeyed() {
    assertThat(ControlChars.visible("abc\u202edef")).isEqualTo("abc<U+202E>def");
  }

  @Test
  void tableCellsAreSanitisedBeforeTheyAreMeasured() {
    String table = Table.render(List.of(Map.of("name", HOSTILE)), List.of(), 0);

    assertThat(table).doesNotContain("\u001b", "\u0007", "\u0000").contains("^[[2J");
  }
}
