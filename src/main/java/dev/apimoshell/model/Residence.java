package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The residence a lot belongs to: {@code type} is a code of {@code property_building}, {@code
 * period} (of the fees) one of {@code property_period}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Residence(
    Long id,
    Integer type,
    BigDecimal fees,
    Integer period,
    Integer lots,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra) {

  public Residence {
    extra = Extra.freeze(extra);
  }
}
