package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * A contract (sale, lease, mandate...), from {@code GET /agencies/{id}/contracts}. Apimo documents
 * few of its fields: the typed ones are the common few, the rest is in {@link #extra()}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Contract(
    long id,
    String reference,
    Integer type,
    Integer step,
    Long property,
    Long user,
    BigDecimal price,
    String currency,
    LocalDate startAt,
    LocalDate endAt,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra)
    implements ApimoRecord {

  public Contract {
    extra = Extra.freeze(extra);
  }
}
