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
 * A buyer's or tenant's search, from {@code GET /agencies/{id}/requests}: who searches ({@code
 * contact}, followed by {@code user}), for what ({@code category}, property {@code types}), where
 * ({@code cities}) and within which {@code price} and {@code area}. Apimo's documentation names
 * none of these fields, so they are the sandbox's shape; anything else a server sends is kept in
 * {@link #extra()}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Request(
    long id,
    Long contact,
    Long user,
    Integer step,
    Integer category,
    List<Integer> types,
    List<City> cities,
    SearchRange price,
    SearchRange area,
    Integer rooms,
    String comment,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    @JsonIgnore @JacksonInject(value = SentJson.KEY, useInput = OptBoolean.FALSE) SentJson sent,
    @JsonIgnore @JacksonInject(value = LabelSource.KEY, useInput = OptBoolean.FALSE)
        LabelSource labelSource,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra)
    implements ApimoRecord {

  public Request {
    types = Lists.orEmpty(types);
    cities = Lists.orEmpty(cities);
    extra = Extra.freeze(extra);
  }

  @Override
  public Map<String, String> codeCatalogs() {
    return Labels.columns("category", "property_category", "types", "property_type");
  }
}
