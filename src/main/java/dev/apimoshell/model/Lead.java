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
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A lead (a contact request from a portal or a web site), from {@code GET /agencies/{id}/leads}.
 * {@code type} and {@code step} are codes of {@code lead_type} and {@code lead_step}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Lead(
    long id,
    String reference,
    LocalDateTime date,
    Integer step,
    Integer type,
    String language,
    String country,
    String lastname,
    String firstname,
    String email,
    String phone,
    String message,
    Long property,
    String propertyReference,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    @JsonIgnore @JacksonInject(value = SentJson.KEY, useInput = OptBoolean.FALSE) SentJson sent,
    @JsonIgnore @JacksonInject(value = LabelSource.KEY, useInput = OptBoolean.FALSE)
        LabelSource labelSource,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra)
    implements ApimoRecord {

  public Lead {
    extra = Extra.freeze(extra);
  }

  /**
   * The type in words (catalog {@code lead_type}), in the culture of the client that fetched it;
   * the code when it has no word.
   */
  public String typeLabel() {
    return Labels.of(labelSource, "lead_type", type);
  }

  /**
   * The step in words (catalog {@code lead_step}), in the culture of the client that fetched it;
   * the code when it has no word.
   */
  public String stepLabel() {
    return Labels.of(labelSource, "lead_step", step);
  }

  @Override
  public List<String> tableColumns() {
    return List.of("id", "date", "step_label", "type_label", "lastname", "email", "property");
  }

  @Override
  public Map<String, String> codeCatalogs() {
    return Labels.columns("type", "lead_type", "step", "lead_step");
  }
}
