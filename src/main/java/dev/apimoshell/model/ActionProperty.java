package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The property an {@link Action} is about, as the action embeds it: its id, the price discussed and
 * the agent's notes.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ActionProperty(
    Long id,
    String report,
    BigDecimal price,
    String currency,
    Integer rating,
    String assessment,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra) {

  public ActionProperty {
    extra = Extra.freeze(extra);
  }
}
