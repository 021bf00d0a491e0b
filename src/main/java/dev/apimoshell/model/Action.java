package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.apimoshell.internal.json.SentJson;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Something a user did: a call, an e-mail, a visit... from {@code GET
 * /agencies/{id}/users/{uid}/actions}.
 *
 * <p>{@code type} is a code of the {@code action_type} catalog; {@code properties} is the one
 * property concerned (null when none).
 *
 * <pre>
 * {@code Apimo.agency(14).user(9).actions().type(2).where(a -> a.date().getYear() == 2018).list()}
 * </pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Action(
    long id,
    Integer type,
    Long user,
    Long contact,
    LocalDate date,
    LocalTime timeStart,
    LocalTime timeEnd,
    String subject,
    String content,
    ActionProperty properties,
    String referral,
    String subreferral,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    @JsonIgnore @JacksonInject(value = SentJson.KEY, useInput = OptBoolean.FALSE) SentJson sent,
    @JsonIgnore @JacksonInject(value = LabelSource.KEY, useInput = OptBoolean.FALSE)
        LabelSource labelSource,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra)
    implements ApimoRecord {

  public Action {
    extra = Extra.freeze(extra);
  }

  /**
   * The type in words (catalog {@code action_type}), in the culture of the client that fetched it;
   * the code when it has no word.
   */
  public String typeLabel() {
    return Labels.of(labelSource, "action_type", type);
  }

  @Override
  public List<String> tableColumns() {
    return List.of("id", "type_label", "date", "time_start", "contact", "subject", "properties.id");
  }

  @Override
  public Map<String, String> codeCatalogs() {
    return Map.of("type", "action_type");
  }
}
