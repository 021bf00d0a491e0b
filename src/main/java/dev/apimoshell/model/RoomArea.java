package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.Map;

/** One room or area of a property: {@code type} is a code of {@code property_areas}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RoomArea(
    Integer type,
    Integer number,
    BigDecimal area,
    Integer flooring,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  public RoomArea {
    extra = Extra.freeze(extra);
  }
}
