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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One room or area of a property: {@code type} is a code of {@code property_areas}, {@code
 * flooring} of {@code property_flooring}, {@code orientations} of {@code property_orientation}.
 *
 * <pre>{@code p.areas().stream().map(a -> a.typeLabel() + " " + a.area()).toList()}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RoomArea(
    Integer type,
    Integer number,
    BigDecimal area,
    Integer flooring,
    BigDecimal ceilingHeight,
    RoomFloor floor,
    List<Integer> orientations,
    List<Comment> comments,
    Lot lot,
    @JsonIgnore @JacksonInject(value = LabelSource.KEY, useInput = OptBoolean.FALSE)
        LabelSource labelSource,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra) {

  public RoomArea {
    orientations = Lists.orEmpty(orientations);
    comments = Lists.orEmpty(comments);
    extra = Extra.freeze(extra);
  }

  /** The kind of room in words (catalog {@code property_areas}); the code when it has none. */
  public String typeLabel() {
    return Labels.of(labelSource, "property_areas", type);
  }

  /** The flooring in words (catalog {@code property_flooring}). */
  public String flooringLabel() {
    return Labels.of(labelSource, "property_flooring", flooring);
  }

  /** The floor's type in words (catalog {@code property_floor}); null without a floor. */
  public String floorLabel() {
    return floor == null ? null : Labels.of(labelSource, "property_floor", floor.type());
  }

  /** The orientations in words (catalog {@code property_orientation}). */
  public List<String> orientationLabels() {
    return Labels.of(labelSource, "property_orientation", orientations);
  }
}
