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
import java.util.List;
import java.util.Map;

/**
 * A contact of an agency (a buyer, a seller, a tenant...), from {@code GET
 * /agencies/{id}/contacts}. {@code category}: 1 individual, 2 couple, 3 company; {@code title} is a
 * code of {@code contact_title}; {@code job} is one of the fields Apimo's contract is less sure of.
 *
 * <pre>{@code Apimo.agency(14).contacts().where(c -> c.email().isEmpty()).count()}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Contact(
    long id,
    Integer category,
    Integer title,
    String lastname,
    String firstname,
    String email,
    String phone,
    String mobile,
    String address,
    City city,
    String country,
    LocalDate birthdayAt,
    List<Object> tags,
    String language,
    String job,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    @JsonIgnore @JacksonInject(value = SentJson.KEY, useInput = OptBoolean.FALSE) SentJson sent,
    @JsonIgnore @JacksonInject(value = LabelSource.KEY, useInput = OptBoolean.FALSE)
        LabelSource labelSource,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra)
    implements ApimoRecord {

  public Contact {
    extra = Extra.freeze(extra);
    tags = Lists.orEmpty(tags);
  }

  /**
   * The title in words (catalog {@code contact_title}), in the culture of the client that fetched
   * it; the code when it has no word.
   */
  public String titleLabel() {
    return Labels.of(labelSource, "contact_title", title);
  }

  @Override
  public List<String> tableColumns() {
    return List.of("id", "category", "lastname", "firstname", "email", "mobile", "city.name");
  }

  @Override
  public Map<String, String> codeCatalogs() {
    return Map.of("title", "contact_title");
  }
}
