package dev.apimoshell.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.apimoshell.internal.json.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class RecordParsingTest {
  static final String USER =
      "{\"id\":\"9\",\"agency\":\"14\",\"active\":true,\"created_at\":\"2008-02-05"
          + " 17:53:03\",\"updated_at\":\"2016-04-15"
          + " 23:07:33\",\"firstname\":\"Marc\",\"lastname\":\"WYLER\",\"username\":\"mylogin\","
          + "\"password\":\"*********\",\"group\":\"2\",\"email\":\"NO-SPAM@swissmedimmo.com\",\"phone\":null,"
          + "\"mobile\":\"+33620000000\",\"fax\":null,\"birthday_at\":\"1965-01-01\",\"timezone\":\"Europe\\/Paris\","
          + "\"picture\":\"https:\\/\\/api.apimo.pro\\/uploads\\/user\\/9\\/picture_200.jpg\"}";

  static final String ACTION =
      "{\"id\":\"19344999\",\"type\":\"2\",\"user\":\"1234\",\"contact\":\"8520201\",\"date\":\"2018-09-11\",\"time_start\":\"14:43:20\",\"time_end\":\"15:43:00\",\"subject\":\"More"
          + " details on a new property\",\"content\":\"Hello,"
          + " \\u2026\",\"properties\":{\"id\":\"233030\",\"report\":null,\"price\":\"2600000\","
          + "\"currency\":\"EUR\",\"rating\":null,\"assessment\":null},\"referral\":null,\"subreferral\":null,\"created_at\":\"2018-09-11"
          + " 14:43:20\",\"updated_at\":\"2018-09-11 14:43:20\"}";

  @Test
  void contractUserExampleParsesToExactValues() throws Exception {
    User u = Json.mapper().readValue(USER, User.class);
    assertThat(u.id()).isEqualTo(9);
    assertThat(u.agency()).isEqualTo(14);
    assertThat(u.active()).isTrue();
    assertThat(u.createdAt()).isEqualTo(LocalDateTime.of(2008, 2, 5, 17, 53, 3));
    assertThat(u.updatedAt()).isEqualTo(LocalDateTime.of(2016, 4, 15, 23, 7, 33));
    assertThat(u.firstname()).isEqualTo("Marc");
    assertThat(u.lastname()).isEqualTo("WYLER");
    assertThat(u.username()).isEqualTo("mylogin");
    assertThat(u.password()).isEqualTo("*********");
    assertThat(u.group()).isEqualTo(2);
    assertThat(u.email()).isEqualTo("NO-SPAM@swissmedimmo.com");
    assertThat(u.phone()).isEmpty();
    assertThat(u.mobile()).isEqualTo("+33620000000");
    assertThat(u.fax()).isEmpty();
    assertThat(u.birthdayAt()).isEqualTo(LocalDate.of(1965, 1, 1));
    assertThat(u.timezone()).isEqualTo("Europe/Paris");
    assertThat(u.picture()).isEqualTo("https://api.apimo.pro/uploads/user/9/picture_200.jpg");
    assertThat(u.extra()).isEmpty();
  }

  @Test
  void contractActionExampleParsesToExactValues() throws Exception {
    Action a = Json.mapper().readValue(ACTION, Action.class);
    assertThat(a.id()).isEqualTo(19344999L);
    assertThat(a.type()).isEqualTo(2);
    assertThat(a.user()).isEqualTo(1234L);
    assertThat(a.contact()).isEqualTo(8520201L);
    assertThat(a.date()).isEqualTo(LocalDate.of(2018, 9, 11));
    assertThat(a.timeStart()).isEqualTo(LocalTime.of(14, 43, 20));
    assertThat(a.timeEnd()).isEqualTo(LocalTime.of(15, 43, 0));
    assertThat(a.subject()).isEqualTo("More details on a new property");
    assertThat(a.content()).isEqualTo("Hello, \u2026");
    assertThat(a.properties().id()).isEqualTo(233030L);
    assertThat(a.properties().report()).isEmpty();
    assertThat(a.properties().price()).isEqualByComparingTo(new BigDecimal("2600000"));
    assertThat(a.properties().currency()).isEqualTo("EUR");
    assertThat(a.properties().rating()).isNull();
    assertThat(a.properties().assessment()).isEmpty();
    assertThat(a.referral()).isEmpty();
    assertThat(a.subreferral()).isEmpty();
    assertThat(a.createdAt()).isEqualTo(LocalDateTime.of(2018, 9, 11, 14, 43, 20));
    assertThat(a.updatedAt()).isEqualTo(LocalDateTime.of(2018, 9, 11, 14, 43, 20));
  }

  @Test
  void numbersAndStringsAreInterchangeable() throws Exception {
    User asNumbers =
        Json.mapper()
            .readValue("{\"id\":9,\"agency\":14,\"active\":\"1\",\"group\":2}", User.class);
    User asStrings =
        Json.mapper()
            .readValue("{\"id\":\"9\",\"agency\":\"14\",\"active\":1,\"group\":\"2\"}", User.class);
    assertThat(asNumbers.id()).isEqualTo(asStrings.id()).isEqualTo(9);
    assertThat(asNumbers.group()).isEqualTo(asStrings.group()).isEqualTo(2);
    assertThat(asNumbers.active()).isTrue();
    assertThat(asStrings.active()).isTrue();
    assertThat(Json.mapper().readValue("{\"id\":1,\"active\":\"0\"}", User.class).active())
        .isFalse();
    assertThat(Json.mapper().readValue("{\"id\":1,\"active\":null}", User.class).active()).isNull();
    Action strings =
        Json.mapper()
            .readValue("{\"id\":5,\"properties\":{\"id\":7,\"price\":2600000.5}}", Action.class);
    assertThat(strings.properties().price()).isEqualByComparingTo("2600000.5");
  }

  @Test
  void emptyValuesBecomeNull() throws Exception {
    Action a =
        Json.mapper()
            .readValue(
                "{\"id\":\"1\",\"type\":\"\",\"date\":\"\",\"time_start\":null,\"properties\":[],"
                    + "\"created_at\":\"0000-00-00 00:00:00\"}",
                Action.class);
    assertThat(a.type()).isNull();
    assertThat(a.date()).isNull();
    assertThat(a.timeStart()).isNull();
    assertThat(a.properties()).isNull();
    assertThat(a.createdAt()).isNull();
  }

  @Test
  void aDateThatIsNotADateIsAClearError() {
    assertThatThrownBy(
            () -> Json.mapper().readValue("{\"id\":1,\"date\":\"tomorrow\"}", Action.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("tomorrow");
  }

  @Test
  void unknownFieldsSurviveARoundTrip() throws Exception {
    String json =
        "{\"id\":\"9\",\"agency\":\"14\",\"active\":true,\"nickname\":\"Marco\",\"badge\":{\"level\":3},"
            + "\"tags\":[1,2],\"gone\":null,\"properties\":{\"id\":1,\"surface\":\"80\"}}";
    User u = Json.mapper().readValue(json, User.class);
    assertThat(u.extra())
        .containsEntry("nickname", "Marco")
        .containsKey("badge")
        .containsKey("gone");
    JsonNode back = Json.mapper().valueToTree(u);
    assertThat(back.get("nickname").asText()).isEqualTo("Marco");
    assertThat(back.get("badge").get("level").asInt()).isEqualTo(3);
    assertThat(back.get("tags").toString()).isEqualTo("[1,2]");
    assertThat(back.get("gone").isNull()).as("an explicit null stays").isTrue();
    assertThat(back.has("extra")).isFalse();
    assertThat(back.has("created_at")).isFalse();
    assertThat(Json.mapper().treeToValue(back, User.class).toJson()).isEqualTo(u.toJson());

    Action a =
        Json.mapper()
            .readValue(
                "{\"id\":1,\"properties\":{\"id\":1,\"surface\":\"80\"},\"method\":\"3\"}",
                Action.class);
    JsonNode actionBack = Json.mapper().valueToTree(a);
    assertThat(actionBack.get("properties").get("surface").asText()).isEqualTo("80");
    assertThat(actionBack.get("method").asText()).isEqualTo("3");
  }

  @Test
  void datesAreWrittenBackTheWayApimoSendsThem() throws Exception {
    Action a = Json.mapper().readValue(ACTION, Action.class);
    JsonNode back = Json.mapper().valueToTree(a);
    assertThat(back.get("created_at").asText()).isEqualTo("2018-09-11 14:43:20");
    assertThat(back.get("date").asText()).isEqualTo("2018-09-11");
    assertThat(back.get("time_start").asText()).isEqualTo("14:43:20");
  }

  @Test
  void passwordNeverShows() throws Exception {
    User u = Json.mapper().readValue(USER.replace("*********", "s3cr3t-hash"), User.class);
    assertThat(u.toString())
        .doesNotContain("s3cr3t-hash")
        .contains("password=(hidden)")
        .contains("WYLER");
    assertThat(u.toJson())
        .doesNotContain("s3cr3t-hash")
        .doesNotContain("password")
        .contains("\"lastname\" : \"WYLER\"");
  }

  @Test
  void pricesKeepTheirDigitsInJson() throws Exception {
    Action a = Json.mapper().readValue(ACTION, Action.class);
    assertThat(a.toJson()).contains("\"price\" : \"2600000\"").doesNotContain("E+");
    Action numeric =
        Json.mapper().readValue(ACTION.replace("\"2600000\"", "2600000.10"), Action.class);
    assertThat(numeric.toJson()).contains("\"price\" : 2600000.10").doesNotContain("E+");
  }

  @Test
  void datesInApimosShapeAndOthersParseAndImpossibleOnesAreErrors() throws Exception {
    Action a =
        Json.mapper()
            .readValue(
                "{\"id\":1,\"date\":\"2018-09-11\",\"time_start\":\"14:43\","
                    + "\"created_at\":\"2018-09-11T14:43:20\",\"updated_at\":\"2018-09-11 14:43\"}",
                Action.class);
    assertThat(a.timeStart()).isEqualTo(LocalTime.of(14, 43));
    assertThat(a.createdAt()).isEqualTo(LocalDateTime.of(2018, 9, 11, 14, 43, 20));
    assertThat(a.updatedAt()).isEqualTo(LocalDateTime.of(2018, 9, 11, 14, 43));
    assertThatThrownBy(
            () -> Json.mapper().readValue("{\"id\":1,\"date\":\"2018-13-45\"}", Action.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("2018-13-45");
    assertThatThrownBy(
            () ->
                Json.mapper()
                    .readValue("{\"id\":1,\"created_at\":\"2018-02-30 25:00:00\"}", Action.class))
        .isInstanceOf(InvalidFormatException.class);
  }
}
