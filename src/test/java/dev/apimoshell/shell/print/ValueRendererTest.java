package dev.apimoshell.shell.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ValueRendererTest {

  record Point(int x, String label) {}

  private static final PrintPolicy TERMINAL = PrintPolicy.terminal(20, 80);

  private static List<String> render(Object value, String text, PrintPolicy policy) {
    List<String> lines = new ArrayList<>();
    ValueRenderer.render(value, text, policy, lines::add);
    return lines;
  }

  private static List<String> render(Object value) {
    return render(value, String.valueOf(value), TERMINAL);
  }

  @Test
  void aStringPrintsAsItsTextNotAsAJavaLiteral() {
    assertThat(render("{\n  \"id\" : 9\n}", "\"{\\n  \\\"id\\\" : 9\\n}\"", TERMINAL))
        .containsExactly("{", "  \"id\" : 9", "}");
    assertThat(render("", "\"\"", TERMINAL)).containsExactly("\"\"");
  }

  @Test
  void anOptionalIsUnwrappedARecordInsideShowsAsACard() {
    assertThat(render(Optional.of(new Point(3, "a"))))
        .contains("field  value")
        .anyMatch(l -> l.matches("x\\s+3"))
        .anyMatch(l -> l.matches("label\\s+a"));
    assertThat(render(Optional.empty())).containsExactly("Optional.empty (nothing found)");
    assertThat(render(Optional.of(5))).containsExactly("Optional[5]");
  }

  @Test
  void aMapPrintsAsKeyAndValueColumnsWithCollectionsSummarised() {
    var groups = new LinkedHashMap<String, Object>();
    groups.put("active", List.of(new Point(1, "a"), new Point(2, "b")));
    groups.put("inactive", List.of(new Point(3, "c")));
    groups.put("note", "plain");

    assertThat(render(groups))
        .containsExactly(
            "key       value",
            "────────  ────────",
            "active    (2 rows)",
            "inactive  (1 row)",
            "note      \"plain\"");
  }

  @Test
  void aStreamPrintsAHintAndIsNeverRun() {
    boolean[] ran = {false};
    Stream<Integer> stream = Stream.of(1, 2).peek(i -> ran[0] = true);

    assertThat(render(stream)).containsExactly(ValueRenderer.STREAM_HINT);
    assertThat(ran[0]).isFalse();
    assertThat(stream.count()).isEqualTo(2);
  }

  @Test
  void aLongListOfPlainValuesShowsItsFirstElementsOnATerminal() {
    List<Integer> numbers = IntStream.range(0, 5000).boxed().toList();

    List<String> shown = render(numbers);

    assertThat(shown).hasSize(1);
    assertThat(shown.get(0)).startsWith("[0, 1, 2,").endsWith("19, … 4,980 more]");
    assertThat(render(numbers, numbers.toString(), PrintPolicy.full()))
        .containsExactly(numbers.toString());
    int[] array = IntStream.range(0, 5000).toArray();
    assertThat(render(array, "int[5000] { 0, 1, 2, ... }", TERMINAL))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .endsWith("19, … 4,980 more]");
  }

  @Test
  void recordsPrintAsATableWithTheRestCountedOnATerminalAndAllOtherwise() {
    List<Point> points = IntStream.range(0, 50).mapToObj(i -> new Point(i, "p" + i)).toList();

    assertThat(render(points)).hasSize(23).last().isEqualTo("… 30 more of 50");
    assertThat(render(points, "", PrintPolicy.terminal(5, 80))).hasSize(8);
    assertThat(render(points, "", PrintPolicy.full()))
        .hasSize(52)
        .noneMatch(l -> l.contains("…"))
        .last()
        .isEqualTo("49  p49");
  }

  @Test
  void longTextIsCutOnATerminalAndSaysHowToSeeAll() {
    String text =
        IntStream.range(0, 500)
            .mapToObj(i -> "line " + i)
            .reduce((a, b) -> a + "\n" + b)
            .orElseThrow();

    List<String> shown = render(text, "", TERMINAL);

    assertThat(shown)
        .hasSize(101)
        .last()
        .isEqualTo("… 400 more lines (/set rows all shows everything)");
    assertThat(render(text, "", PrintPolicy.full())).hasSize(500);
  }

  @Test
  void aMegabyteLineShowsItsStartAndEndAndSaysHowToSeeAll() {
    String value = "<start>" + "x".repeat(1 << 20) + "😀<end>";

    List<String> shown = render(value, "", TERMINAL);

    assertThat(shown).hasSize(2);
    assertThat(shown.get(0))
        .startsWith("<start>xxx")
        .contains("x … x")
        .endsWith("x😀<end>")
        .hasSizeLessThanOrEqualTo(5 * 80 + 3);
    assertThat(shown.get(1))
        .isEqualTo(
            "… a line of 1,048,590 characters shows its start and end (/set rows all shows"
                + " everything, .length() its size)");
    assertThat(render(value, "", PrintPolicy.full())).containsExactly(value);
  }

  @Test
  void onlyTheLongLineIsShortenedTheOthersStay() {
    String value = "first\n" + "y".repeat(10_000) + "\u202E\nlast";

    List<String> shown = render(value, "", TERMINAL);

    assertThat(shown.get(0)).isEqualTo("first");
    assertThat(shown.get(1)).contains("y … y").endsWith("y<U+202E>");
    assertThat(shown.get(2)).isEqualTo("last");
    assertThat(shown).hasSize(4).last().asString().startsWith("… a line of 10,001 characters");
  }

  @Test
  void longTextCutByCharactersCountsEveryLineLeft() {
    // 2,000 lines of 60 characters: more characters than a terminal shows, so the count of lines
    // left must come from the whole text, not from the part kept.
    String text =
        IntStream.range(0, 2000)
            .mapToObj(i -> String.format("%-60s", "line " + i))
            .reduce((a, b) -> a + "\n" + b)
            .orElseThrow();

    assertThat(render(text, "", TERMINAL))
        .last()
        .isEqualTo("… 1,900 more lines (/set rows all shows everything)");
  }

  @Test
  void everythingPrintedHasItsControlCharactersMadeVisible() {
    String hostile = "Eve\u001b]52;c;ZXZpbA==\u0007\u001b[2J";
    List<Object> values =
        List.of(
            hostile,
            Optional.of(hostile),
            new Point(1, hostile),
            List.of(new Point(1, hostile)),
            Map.of(hostile, hostile),
            new StringBuilder(hostile));
    for (Object value : values) {
      assertThat(String.join("\n", render(value)))
          .as(value.getClass().getName())
          .doesNotContain("\u001b", "\u0007")
          .contains("^[");
    }
  }

  @Test
  void summariesAreOneShortLine() {
    assertThat(Summary.of(IntStream.range(0, 500).mapToObj(i -> new Point(i, "")).toList(), 80))
        .isEqualTo("(500 rows)");
    assertThat(Summary.of(Map.of("a", 1), 80)).isEqualTo("(1 entry)");
    assertThat(Summary.of(new String[] {"a", "b"}, 80)).isEqualTo("[a, b]");
    assertThat(Summary.of(new int[0], 80)).isEqualTo("[]");
    assertThat(Summary.of("two\nlines", 80)).isEqualTo("\"two …");
    assertThat(Summary.of(IntStream.range(0, 5000).boxed().toList(), 40))
        .startsWith("(5,000 elements) [0, 1")
        .endsWith("…");
  }
}
