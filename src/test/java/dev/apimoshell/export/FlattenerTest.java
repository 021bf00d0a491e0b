package dev.apimoshell.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.apimoshell.internal.export.Flattener;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.model.Action;
import dev.apimoshell.model.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlattenerTest {

  @Test
  void nestedObjectsBecomeDottedColumnsInJacksonOrder() {
    Map<String, String> cells = Flattener.flatten(Fixtures.tricky());

    assertThat(cells.keySet())
        .containsExactly(
            "id",
            "title",
            "created_at",
            "price.value",
            "price.currency",
            "price.negotiator.id",
            "price.negotiator.name",
            "tags",
            "note",
            "energy_class");
    assertThat(cells)
        .contains(
            entry("created_at", "2018-09-11 14:43:20"),
            entry("price.value", "2600000"),
            entry("price.negotiator.name", "Ève"));
  }

  @Test
  void listsAreCompactJsonNullsAreEmptyExtraFieldsAreColumns() {
    Map<String, String> cells = Flattener.flatten(Fixtures.tricky());

    assertThat(cells)
        .contains(
            entry("tags", "[\"piscine\",\"garçonnière\"]"),
            entry("note", ""),
            entry("energy_class", "B"));
  }

  @Test
  void passwordIsLeftOutAtAnyDepthAndInAnyCase() {
    var map = new LinkedHashMap<String, Object>();
    map.put("id", 1);
    map.put("Password", "x");
    map.put("agents", List.of(Map.of("name", "a", "password", "y")));
    map.put("owner", Map.of("password", "z"));

    Map<String, String> cells = Flattener.flatten(map);

    assertThat(cells).containsOnlyKeys("id", "agents", "owner");
    assertThat(cells.get("agents")).isEqualTo("[{\"name\":\"a\"}]");
    assertThat(cells.get("owner")).isEqualTo("{}");
    assertThat(Flattener.flatten(Fixtures.tricky()).toString()).doesNotContain("hunter2", "s3cret");
  }

  @Test
  void numbersReadAsPeopleWriteThem() {
    var map = new LinkedHashMap<String, Object>();
    map.put("double", 2600000.0);
    map.put("tiny", 0.1);
    map.put("decimal", new java.math.BigDecimal("12.50"));
    map.put("scaled", new java.math.BigDecimal("26E+5"));
    map.put("big", 1e7);

    assertThat(Flattener.flatten(map))
        .containsExactly(
            entry("double", "2600000.0"),
            entry("tiny", "0.1"),
            entry("decimal", "12.50"),
            entry("scaled", "2600000"),
            entry("big", "10000000"));
  }

  @Test
  void plainValuesBecomeOneValueColumn() {
    assertThat(Flattener.flatten("hello")).containsExactly(entry("value", "hello"));
    assertThat(Flattener.flatten(null)).isEmpty();
  }

  @Test
  void realUserAndActionRecords() throws Exception {
    User user =
        Json.mapper()
            .readValue(
                "{\"id\":\"9\",\"agency\":\"14\",\"active\":true,\"created_at\":\"2008-02-05"
                    + " 17:53:03\","
                    + "\"firstname\":\"Marc\",\"password\":\"*********\",\"phone\":null,\"badge\":\"gold\"}",
                User.class);
    Action action =
        Json.mapper()
            .readValue(
                "{\"id\":\"19344999\",\"type\":\"2\",\"date\":\"2018-09-11\",\"time_start\":\"14:43:20\","
                    + "\"properties\":{\"id\":\"233030\",\"price\":\"2600000\",\"currency\":\"EUR\"}}",
                Action.class);

    Map<String, String> userCells = Flattener.flatten(user);
    Map<String, String> actionCells = Flattener.flatten(action);

    assertThat(userCells)
        .doesNotContainKeys("password")
        .contains(
            entry("phone", ""),
            entry("id", "9"),
            entry("created_at", "2008-02-05 17:53:03"),
            entry("badge", "gold"));
    assertThat(actionCells)
        .contains(
            entry("time_start", "14:43:20"),
            entry("properties.id", "233030"),
            entry("properties.price", "2600000"));
  }

  @Test
  void theFastReadingAndTheTreeReadingAgree() throws Exception {
    User user =
        Json.mapper()
            .readValue(
                "{\"id\":9,\"agency\":14,\"group\":\"2\",\"password\":\"x\",\"email\":null,"
                    + "\"badge\":{\"level\":3,\"password\":\"y\"},\"empty\":{},\"secretOnly\":{\"password\":\"z\"},"
                    + "\"teams\":[{\"name\":\"A\",\"password\":\"w\"}],\"ratio\":0.50,\"big\":1e400}",
                User.class);

    Map<String, String> fast = Flattener.flatten(user);
    Map<String, String> tree = new LinkedHashMap<>(Flattener.flatten(user, true));
    tree.remove("group_label");

    assertThat(fast).isEqualTo(tree);
    assertThat(fast)
        .contains(
            entry("badge.level", "3"),
            entry("secretOnly", "{}"),
            entry("teams", "[{\"name\":\"A\"}]"),
            entry("ratio", "0.50"),
            entry("empty", "{}"),
            entry("email", ""))
        .doesNotContainKeys("password", "badge.password");
  }
}
