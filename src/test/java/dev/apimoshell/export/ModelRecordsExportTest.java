package dev.apimoshell.export;

import static dev.apimoshell.export.Fixtures.parseCsv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.internal.export.Exporter;
import dev.apimoshell.internal.export.Table;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.model.Action;
import dev.apimoshell.model.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model's own records, from the examples of the API contract, plus an unknown field. */
class ModelRecordsExportTest {
  static final String USER =
      "{\"id\":\"9\",\"agency\":\"14\",\"active\":true,\"created_at\":\"2008-02-05"
          + " 17:53:03\",\"updated_at\":\"2016-04-15"
          + " 23:07:33\",\"firstname\":\"Marc\",\"lastname\":\"WYLER\",\"username\":\"mylogin\","
          + "\"password\":\"*********\",\"group\":\"2\",\"email\":\"NO-SPAM@swissmedimmo.com\",\"phone\":null,"
          + "\"mobile\":\"+33620000000\",\"fax\":null,\"birthday_at\":\"1965-01-01\",\"timezone\":\"Europe\\/Paris\","
          + "\"picture\":\"https:\\/\\/api.apimo.pro\\/uploads\\/user\\/9\\/picture_200.jpg\",\"badge\":{\"level\":\"gold\"}}";

  static final String ACTION =
      "{\"id\":\"19344999\",\"type\":\"2\",\"user\":\"1234\",\"contact\":\"8520201\",\"date\":\"2018-09-11\",\"time_start\":\"14:43:20\",\"time_end\":\"15:43:00\",\"subject\":\"More"
          + " details on a new property\",\"content\":\"Hello, \\u2026\\n"
          + "Best regards\",\"properties\":{\"id\":\"233030\",\"report\":null,\"price\":\"2600000\","
          + "\"currency\":\"EUR\",\"rating\":null,\"assessment\":null},\"referral\":null,\"subreferral\":null,\"created_at\":\"2018-09-11"
          + " 14:43:20\",\"updated_at\":\"2018-09-11 14:43:20\"}";

  @TempDir Path dir;

  @Test
  void usersToCsvForExcel() throws Exception {
    User user = Json.mapper().readValue(USER, User.class);
    Path file = dir.resolve("users.csv");

    Exporter.export(Stream.of(user), file, ExportOptions.defaults().withDialect(CsvDialect.EXCEL));

    byte[] bytes = Files.readAllBytes(file);
    List<List<String>> lines =
        parseCsv(
            new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8), ',');
    assertThat(lines.get(0))
        .containsExactly(
            "id",
            "agency",
            "active",
            "created_at",
            "updated_at",
            "firstname",
            "lastname",
            "username",
            "language",
            "spoken_languages",
            "group",
            "email",
            "phone",
            "mobile",
            "fax",
            "city.id",
            "city.name",
            "birthday_at",
            "timezone",
            "picture",
            "partners",
            "stories",
            "rates",
            "badge.level");
    assertThat(lines.get(1))
        .containsExactly(
            "9",
            "14",
            "true",
            "2008-02-05 17:53:03",
            "2016-04-15 23:07:33",
            "Marc",
            "WYLER",
            "mylogin",
            "",
            "",
            "2",
            "NO-SPAM@swissmedimmo.com",
            "",
            "=\"+33620000000\"",
            "",
            "",
            "",
            "1965-01-01",
            "Europe/Paris",
            "https://api.apimo.pro/uploads/user/9/picture_200.jpg",
            "",
            "",
            "",
            "gold");
  }

  @Test
  void usersAndActionsRoundTripThroughNdjsonWithoutPassword() throws Exception {
    User user = Json.mapper().readValue(USER, User.class);
    Action action = Json.mapper().readValue(ACTION, Action.class);
    Path users = dir.resolve("users.ndjson");
    Path actions = dir.resolve("actions.json");

    Exporter.export(Stream.of(user), users, ExportOptions.defaults());
    Exporter.export(Stream.of(action), actions, ExportOptions.defaults());

    assertThat(Files.readString(users)).doesNotContain("password", "*********");
    User userBack = Json.mapper().readValue(Files.readString(users), User.class);
    assertThat(userBack)
        .usingRecursiveComparison()
        .ignoringFields("password", "sent")
        .isEqualTo(user);
    assertThat(userBack.toJson()).isEqualTo(user.toJson());
    assertThat(userBack.extra()).containsKey("badge");
    Action actionBack =
        Json.mapper().readerFor(Action.class).<Action>readValues(actions.toFile()).next();
    assertThat(actionBack).isEqualTo(action);
  }

  @Test
  void actionsInATable() throws Exception {
    Action action = Json.mapper().readValue(ACTION, Action.class);

    String table =
        Table.render(
            List.of(action), List.of("id", "date", "subject", "content", "properties.price"), 80);

    assertThat(table)
        .isEqualTo(
            String.join(
                "\n",
                "      id  date        subject              content              properties.price",
                "────────  ──────────  ───────────────────  ───────────────────  ────────────────",
                "19344999  2018-09-11  More details on a …  Hello, …⏎Best rega…          "
                    + " 2600000",
                "… = cut; whole: row.subject(), row.content(), or print one row as a card"));
  }
}
