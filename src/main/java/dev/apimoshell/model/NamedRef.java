package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** A nested {@code {id, name}} object: a company, a region, a district. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NamedRef(
    Long id, String name, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  public NamedRef {
    extra = Extra.freeze(extra);
  }
}
