package dev.apimoshell.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.export.CsvDialect;
import dev.apimoshell.internal.http.ErrorMessages;
import dev.apimoshell.internal.text.ControlChars;
import dev.apimoshell.internal.text.DisplayWidth;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tables, cards, error excerpts and CSV cells judge control characters by {@link ControlChars}
 * alone: what is shown in one is never raw in another.
 */
class OneControlPolicyTest {

  private static final String SPOOF = "Mallory\rGOOD\u200FNAME\u061C\u2028\u202Eevil\b";

  @Test
  void aTableCellShowsBidiMarksSeparatorsAndCarriageReturns() {
    String table = Table.render(List.of(Map.of("name", SPOOF)), List.of(), 0);

    assertThat(table)
        .contains("Mallory⏎GOOD<U+200F>NAME<U+061C><U+2028><U+202E>evil^H") // one line a row
        .doesNotContain("\r", "\u200F", "\u061C", "\u2028", "\u202E", "\b");
  }

  @Test
  void anErrorExcerptShowsThemTheSameWay() {
    String excerpt = ErrorMessages.excerpt(SPOOF.getBytes(StandardCharsets.UTF_8));

    assertThat(excerpt)
        .isEqualTo("Mallory GOOD<U+200F>NAME<U+061C> <U+202E>evil^H") // CR, U+2028: a space
        .doesNotContain("\uFFFD");
  }

  @Test
  void aCsvCellDropsTheControlsATableShowsButKeepsLineBreaksAndTabs() {
    var cells = new CsvCells(CsvDialect.RFC4180, false);

    assertThat(cells.safe("a\u202Eb\u200Fc\u0000d\u200Be\tf\ng\rh")).isEqualTo("abcde\tf\ng\rh");
  }

  @Test
  void zwjEmojiAndSkinTonesTakeTheColumnsOfOneEmojiSoRowsAlign() {
    assertThat(DisplayWidth.of("👩\u200D💻")).isEqualTo(2);
    assertThat(DisplayWidth.of("👍🏽")).isEqualTo(2);
    assertThat(DisplayWidth.of("👨\u200D👩\u200D👧")).isEqualTo(2);
    assertThat(DisplayWidth.of("🫠")).isEqualTo(2);
    List<Map<String, Object>> rows =
        List.of(
            Map.of("name", "👩\u200D💻", "id", 1),
            Map.of("name", "👍🏽x", "id", 2),
            Map.of("name", "abc", "id", 3));

    String[] lines = Table.render(rows, List.of("name", "id"), 0).split("\n");

    for (String line : lines) {
      assertThat(Table.displayWidth(line)).as(line).isEqualTo(lines[0].length());
    }
  }
}
