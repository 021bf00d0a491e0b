package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.Map;

/** One line of a contract's accounting: an amount for a user, with its VAT. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContractEntry(
    Long id,
    Long user,
    BigDecimal amount,
    BigDecimal vat,
    BigDecimal vatRate,
    Integer type,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra) {

  public ContractEntry {
    extra = Extra.freeze(extra);
  }
}
