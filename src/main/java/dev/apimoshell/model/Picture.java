package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** A property picture; {@code rank} orders them. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Picture(
    Long id, Integer rank, String url, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  public Picture {
    extra = Extra.freeze(extra);
  }
}
