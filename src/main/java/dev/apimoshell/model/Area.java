package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.Map;

/** A property's surface: {@code unit} is a code of {@code unit_area}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Area(
    Integer unit,
    BigDecimal value,
    BigDecimal total,
    BigDecimal weighted,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  public Area {
    extra = Extra.freeze(extra);
  }
}
