package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A property's price. {@code period} is a code of {@code property_period} (per month, per week...)
 * for rentals; {@code hide} means the agency does not publish it; {@code deposit}, {@code
 * inventory} and {@code tenant} are a rental's deposit, inventory fee and tenant's share of the
 * fees. Apimo documents no type for {@code unit}, {@code transferTax}, {@code contribution} and
 * {@code pension}: they are kept as sent (a number, a text or an object).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Price(
    BigDecimal value,
    BigDecimal max,
    BigDecimal fees,
    Object unit,
    Integer period,
    Boolean hide,
    BigDecimal inventory,
    BigDecimal deposit,
    String currency,
    BigDecimal commission,
    Object transferTax,
    Object contribution,
    Object pension,
    BigDecimal tenant,
    Boolean vat,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra) {

  public Price {
    extra = Extra.freeze(extra);
  }
}
