package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How and when a building was built: {@code type} lists codes of {@code
 * property_construction_method}, {@code constructionStep} is a code of {@code construction_step}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Construction(
    List<Integer> type,
    Integer constructionYear,
    Integer renovationYear,
    BigDecimal renovationCost,
    Integer constructionStep,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra) {

  public Construction {
    type = Lists.orEmpty(type);
    extra = Extra.freeze(extra);
  }
}
