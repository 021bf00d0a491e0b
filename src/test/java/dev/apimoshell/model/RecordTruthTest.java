package dev.apimoshell.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apimoshell.internal.export.Flattener;
import dev.apimoshell.internal.json.Json;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Records say what Apimo sent: nothing invented for absent fields, one rule for empty text. */
class RecordTruthTest {
  /** A property whose embedded user, as Apimo embeds it, has neither agency nor active. */
  static final String PROPERTY =
      "{\"id\":86379445,\"reference\":\"VI7\",\"user\":{\"id\":9,\"firstname\":\"Marc\","
          + "\"lastname\":\"WYLER\",\"email\":\"marc@example.com\",\"phone\":null},"
          + "\"step\":1,\"category\":1,\"price\":{\"value\":2600000,\"currency\":\"EUR\"}}";

  private static <T> T read(String json, Class<T> type) throws Exception {
    return Json.mapper().readValue(json, type);
  }

  @Test
  void anEmbeddedUserWithoutAgencyOrActiveReadsAsAbsentNotZeroOrFalse() throws Exception {
    User embedded = read(PROPERTY, Property.class).user();

    assertThat(embedded.agency()).isNull();
    assertThat(embedded.active()).isNull();
    assertThat(embedded.isActive()).isFalse();
  }

  @Test
  void absentFieldsAreAbsentInTheCardTablesAndJson() throws Exception {
    Property p = read(PROPERTY, Property.class);

    assertThat(Flattener.flatten(p))
        .containsEntry("user.id", "9")
        .doesNotContainKeys("user.agency", "user.active", "user.created_at", "agency", "brand");
    JsonNode user = Json.mapper().readTree(p.toJson()).get("user");
    assertThat(user.has("agency")).isFalse();
    assertThat(user.has("active")).isFalse();
    assertThat(p.toJson()).doesNotContain("\"agency\"").doesNotContain("\"active\"");
    assertThat(Flattener.flatten(p, true)).doesNotContainKeys("user.agency", "user.active");
    assertThat(Flattener.flatten(p.user(), true)).doesNotContainKeys("agency", "active");
  }

  @Test
  void everyOptionalNumberOrFlagOfEveryRecordIsAWrapper() {
    List<Class<? extends Record>> records =
        List.of(
            User.class,
            Action.class,
            ActionProperty.class,
            Property.class,
            Contact.class,
            Agency.class,
            Request.class,
            Contract.class,
            Lead.class,
            Agreement.class,
            Area.class,
            City.class,
            Comment.class,
            NamedRef.class,
            Picture.class,
            Price.class,
            RoomArea.class,
            CatalogInfo.class);
    for (var type : records) {
      for (var component : type.getRecordComponents()) {
        if (!component.getName().equals("id")) {
          assertThat(component.getType().isPrimitive())
              .as(type.getSimpleName() + "." + component.getName())
              .isFalse();
        }
      }
    }
  }

  @Test
  void missingNullAndEmptyTextReadTheSameInEveryRecord() throws Exception {
    User absent = read("{\"id\":1}", User.class);
    User nul = read("{\"id\":1,\"email\":null}", User.class);
    User empty = read("{\"id\":1,\"email\":\"\"}", User.class);
    Contact contactAbsent = read("{\"id\":1}", Contact.class);
    Contact contactNull = read("{\"id\":1,\"email\":null}", Contact.class);

    assertThat(List.of(absent.email(), nul.email(), empty.email()))
        .containsOnly("")
        .isEqualTo(List.of(contactAbsent.email(), contactNull.email(), ""));
    Predicate<Contact> hasAt = c -> c.email().contains("@");
    assertThat(hasAt.test(contactNull)).isFalse();
    assertThat(read("{\"id\":1}", Property.class).user()).isNull();
    assertThat(read("{\"id\":1,\"city\":{\"id\":3}}", Contact.class).city().name()).isEmpty();
    assertThat(read("{\"id\":1}", Lead.class).lastname()).isEmpty();
    assertThat(read("{\"id\":1}", Agency.class).name()).isEmpty();
  }

  @Test
  void emptyTextIsNotWrittenBackAsIfApimoHadSentIt() throws Exception {
    Contact c = read("{\"id\":1,\"lastname\":\"Roux\"}", Contact.class);

    JsonNode json = Json.mapper().readTree(c.toJson());
    assertThat(json.has("email")).isFalse();
    assertThat(json.has("tags")).isFalse();
    assertThat(json.get("lastname").asText()).isEqualTo("Roux");
  }
}
