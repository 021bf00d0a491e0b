package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * A property picture; {@code rank} orders them; {@code internet} and {@code print} say where the
 * agency publishes it; {@code child} is the picture it was derived from.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Picture(
    Long id,
    Integer rank,
    String url,
    Integer widthMax,
    Integer heightMax,
    Boolean internet,
    Boolean print,
    Boolean panorama,
    Long child,
    String reference,
    List<Comment> comments,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra) {

  public Picture {
    comments = Lists.orEmpty(comments);
    extra = Extra.freeze(extra);
  }
}
