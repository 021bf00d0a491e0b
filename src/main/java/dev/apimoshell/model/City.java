package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** A city as Apimo nests it in agencies, properties and contacts. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record City(
    Long id, String name, String zipcode, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  public City {
    extra = Extra.freeze(extra);
  }
}
