package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * How a property is heated: codes of {@code property_heating_device}, {@code
 * property_heating_access} and {@code property_heating_type}; {@code devices} and {@code types}
 * when there are several.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Heating(
    Integer device,
    List<Integer> devices,
    Integer access,
    Integer type,
    List<Integer> types,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra) {

  public Heating {
    devices = Lists.orEmpty(devices);
    types = Lists.orEmpty(types);
    extra = Extra.freeze(extra);
  }
}
