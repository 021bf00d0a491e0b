package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * An agency visible to the provider, from {@code GET /agencies}, with its details. (To query an
 * agency's data, use the handle {@code Apimo.agency(id)}.)
 *
 * <pre>{@code Apimo.agencies().where(Agency::active).list()}</pre>
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Agency(
    long id,
    String reference,
    boolean active,
    String name,
    NamedRef company,
    Long brand,
    List<Object> networks,
    String address,
    String addressMore,
    City city,
    String district,
    String country,
    String region,
    BigDecimal latitude,
    BigDecimal longitude,
    String email,
    String phone,
    String fax,
    String url,
    String logo,
    String picture,
    String currency,
    String timetable,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    List<Object> users,
    List<Object> sectors,
    List<Object> rates,
    List<Object> partners,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
    implements ApimoRecord {

  public Agency {
    networks = Lists.orEmpty(networks);
    users = Lists.orEmpty(users);
    sectors = Lists.orEmpty(sectors);
    rates = Lists.orEmpty(rates);
    partners = Lists.orEmpty(partners);
    extra = Extra.freeze(extra);
  }

  @Override
  public List<String> tableColumns() {
    return List.of("id", "name", "active", "city.name", "email", "phone");
  }
}
