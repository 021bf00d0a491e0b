package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.apimoshell.internal.json.LabelSource;
import dev.apimoshell.internal.json.Labels;
import java.time.LocalDate;
import java.util.Map;

/**
 * A regulation a property falls under (an energy rating, a lead report...): {@code type} is a code
 * of {@code property_regulation}; {@code value} is what Apimo sends (often comma-separated codes).
 *
 * <pre>{@code p.regulations().stream().map(Regulation::typeLabel).toList()}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Regulation(
    Integer type,
    String value,
    LocalDate date,
    String graph,
    @JsonIgnore @JacksonInject(value = LabelSource.KEY, useInput = OptBoolean.FALSE)
        LabelSource labelSource,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra) {

  public Regulation {
    extra = Extra.freeze(extra);
  }

  /** The type in words (catalog {@code property_regulation}); the code when it has none. */
  public String typeLabel() {
    return Labels.of(labelSource, "property_regulation", type);
  }
}
