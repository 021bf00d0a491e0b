package dev.apimoshell.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.internal.export.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {

  private static Map<String, Object> user(long id, String lastname, String email) {
    var row = new LinkedHashMap<String, Object>();
    row.put("id", id);
    row.put("lastname", lastname);
    row.put("email", email);
    row.put("password", "secret");
    return row;
  }

  private final List<Map<String, Object>> users =
      List.of(
          user(9, "WYLER", "NO-SPAM@swissmedimmo.com"),
          user(12, "Dupont-Aignan de la Tour d’Auvergne", null));

  @Test
  void alignedHeaderRuleAndRowsNumbersOnTheRight() {
    String table = Table.render(users, List.of(), 0);

    assertThat(table)
        .isEqualTo(
            String.join(
                "\n",
                "id  lastname                             email",
                "──  ───────────────────────────────────  ────────────────────────",
                " 9  WYLER                                NO-SPAM@swissmedimmo.com",
                "12  Dupont-Aignan de la Tour d’Auvergne"));
  }

  @Test
  void fitsTheWidthByNarrowingTheWidestTextColumnsFirstNeverAnEmail() {
    String table = Table.render(users, List.of(), 50);

    assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(50));
    assertThat(table)
        .isEqualTo(
            String.join(
                "\n",
                "id  lastname              email",
                "──  ────────────────────  ────────────────────────",
                " 9  WYLER                 NO-SPAM@swissmedimmo.com",
                "12  Dupont-Aignan de la…",
                "… = cut; whole: row.lastname(), or print one row",
                "  as a card"));
  }

  @Test
  void datesAreNeverCutWhenTextColumnsAre() {
    Map<String, String> action = new LinkedHashMap<>();
    action.put("type", "Text message");
    action.put("date", "2024-01-15");
    action.put("subject", "Relance, visite du 12 avec le propriétaire");

    String table = Table.render(List.of(action), List.of(), 30);

    assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(30));
    assertThat(table.lines().toList().get(2)).contains("2024-01-15").contains("Text me…");
  }

  @Test
  void leavesOutOtherColumnsBeforeCuttingKeyOnesAndSaysWhichAndHow() {
    var row = new LinkedHashMap<String, Object>();
    row.put("id", 9);
    row.put("lastname", "WYLER");
    row.put("city", "Genève");
    row.put("email", "NO-SPAM@swissmedimmo.com");

    String table = Table.render(List.of(row), List.of(), 40);

    assertThat(table)
        .isEqualTo(
            String.join(
                "\n",
                "id  lastname  email",
                "──  ────────  ────────────────────────",
                " 9  WYLER     NO-SPAM@swissmedimmo.com",
                "not shown in 40 columns: city (choose",
                "  columns: show(\"id\", \"city\"), or print",
                "  one row as a card)"));
  }

  @Test
  void aKeyValueTooWideForItsRowGoesWholeOnTheLineUnder() {
    String table = Table.render(users, List.of("id", "lastname", "email"), 26);

    assertThat(table)
        .isEqualTo(
            String.join(
                "\n",
                "id  lastname",
                "──  ──────────────────────",
                " 9  WYLER",
                "NO-SPAM@swissmedimmo.com",
                "12  Dupont-Aignan de la T…",
                "… = cut; whole:",
                "  row.lastname(), or print",
                "  one row as a card"));
  }

  @Test
  void chosenColumnsInOrderOneLinePerRowAndANote() {
    var row = new LinkedHashMap<String, Object>();
    row.put("subject", "Visit");
    row.put("content", "Hello,\r\nsee you\tsoon\n");
    row.put("properties", Map.of("price", 2600000));

    String table =
        Table.render(List.of(row), List.of("properties.price", "content"), 80, "… 35 more of 40");

    assertThat(table)
        .isEqualTo(
            String.join(
                "\n",
                "properties.price  content",
                "────────────────  ────────────────────",
                "         2600000  Hello,⏎see you soon⏎",
                "… 35 more of 40"));
  }

  @Test
  void passwordIsNeverShown() {
    assertThat(Table.render(users, List.of(), 200)).doesNotContain("password", "secret");
  }

  @Test
  void noRows() {
    assertThat(Table.render(List.of(), List.of(), 80)).isEqualTo("(no rows)");
    assertThat(Table.render(List.of(), List.of("id"), 80, "0 of 0")).isEqualTo("id\n──\n0 of 0");
  }

  @Test
  void plainValuesShowAsOneValueColumn() {
    assertThat(Table.render(List.of("a", "b"), List.of(), 80)).isEqualTo("value\n─────\na\nb");
  }

  @Test
  void truncatesByDisplayWidthWithAnEllipsis() {
    assertThat(Table.fit("garçonnière", 6)).isEqualTo("garço…");
    assertThat(Table.fit("😀😀😀", 3)).isEqualTo("😀…");
    assertThat(Table.fit("😀😀😀", 2)).isEqualTo("…");
    assertThat(Table.fit("東京都港区", 5)).isEqualTo("東京…");
    assertThat(Table.fit("short", 5)).isEqualTo("short");
  }

  @Test
  void wideAndCombiningCharactersAlignByDisplayWidth() {
    List<Map<String, Object>> rows =
        List.of(
            Map.of("name", "東京", "id", 1),
            Map.of("name", "e\u0301te\u0301", "id", 2),
            Map.of("name", "😀x", "id", 3));

    String[] lines = Table.render(rows, List.of("name", "id"), 0).split("\n");

    assertThat(lines)
        .containsExactly("name  id", "────  ──", "東京   1", "e\u0301te\u0301    2", "😀x    3");
    for (String line : lines) {
      assertThat(Table.displayWidth(line)).isEqualTo(lines[0].length());
    }
  }

  @Test
  void renderAllStreamsRowsHoldingOnlyTheSample() {
    int[] pulled = {0};
    java.util.Iterator<Map<String, Object>> rows =
        new java.util.Iterator<>() {
          @Override
          public boolean hasNext() {
            return pulled[0] < 5_000;
          }

          @Override
          public Map<String, Object> next() {
            pulled[0]++;
            return Map.of("id", pulled[0], "name", "n" + pulled[0]);
          }
        };
    List<Integer> pulledWhenPrinted = new java.util.ArrayList<>();
    List<String> lines = new java.util.ArrayList<>();

    long written =
        Table.renderAll(
            rows,
            List.of("id", "name"),
            100,
            line -> {
              pulledWhenPrinted.add(pulled[0]);
              lines.add(line);
            });

    assertThat(written).isEqualTo(5_000);
    assertThat(lines).hasSize(5_002).doesNotContain("…");
    assertThat(lines.get(5_001)).isEqualTo("5000  n5000");
    assertThat(pulledWhenPrinted.get(0)).isEqualTo(100);
    assertThat(pulledWhenPrinted.get(2_000)).isLessThanOrEqualTo(2_000);
  }
}
