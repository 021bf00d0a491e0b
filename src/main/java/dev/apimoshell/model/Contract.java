package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.apimoshell.internal.json.SentJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A contract (a sale, a lease...) as Apimo's contract list gives it, from {@code GET
 * /agencies/{id}/contracts}: its {@code step} (a code Apimo sends as text, such as {@code "4"}),
 * the agency's net price and commission, the date it was signed, and its accounting {@code
 * entries}, and the ids of the property and contacts it concerns. Anything else Apimo sends is kept
 * in {@link #extra()}.
 *
 * <pre>{@code Apimo.agency(14).contracts().where(c -> c.contractAt().getYear() == 2024).list()}
 * </pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Contract(
    long id,
    String step,
    BigDecimal priceNet,
    BigDecimal commissionAgency,
    LocalDate contractAt,
    List<ContractEntry> entries,
    Long property,
    List<Long> contacts,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    @JsonIgnore @JacksonInject(value = SentJson.KEY, useInput = OptBoolean.FALSE) SentJson sent,
    @JsonIgnore @JacksonInject(value = LabelSource.KEY, useInput = OptBoolean.FALSE)
        LabelSource labelSource,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra)
    implements ApimoRecord {

  public Contract {
    entries = Lists.orEmpty(entries);
    contacts = Lists.orEmpty(contacts);
    extra = Extra.freeze(extra);
  }

  @Override
  public List<String> tableColumns() {
    return List.of("id", "step", "contract_at", "price_net", "commission_agency", "updated_at");
  }
}
