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
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * An agency visible to the provider, from {@code GET /agencies}, with its details. (To query an
 * agency's data, use the handle {@code Apimo.agency(id)}.)
 *
 * <p>{@code providers}, {@code parameters} and {@code subscription} are kept as sent: paths such as
 * {@code "/14/providers"} in live answers, {@code []} in older ones.
 *
 * <p>{@code active} is null when Apimo leaves it out; {@link #isActive()} reads that as not active.
 *
 * <pre>{@code Apimo.agencies().where(Agency::isActive).list()}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Agency(
    long id,
    String reference,
    Boolean active,
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
    String logoSvg,
    String picture,
    String currency,
    String timetable,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    List<Object> users,
    List<Object> sectors,
    List<Object> rates,
    List<Object> partners,
    Object providers,
    List<Object> stories,
    Object parameters,
    Object subscription,
    @JsonIgnore @JacksonInject(value = SentJson.KEY, useInput = OptBoolean.FALSE) SentJson sent,
    @JsonIgnore @JacksonInject(value = LabelSource.KEY, useInput = OptBoolean.FALSE)
        LabelSource labelSource,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra)
    implements ApimoRecord {

  public Agency {
    networks = Lists.orEmpty(networks);
    users = Lists.orEmpty(users);
    sectors = Lists.orEmpty(sectors);
    rates = Lists.orEmpty(rates);
    partners = Lists.orEmpty(partners);
    stories = Lists.orEmpty(stories);
    extra = Extra.freeze(extra);
  }

  /** Whether Apimo says the agency is active; false when it says nothing. */
  @JsonIgnore
  public boolean isActive() {
    return Boolean.TRUE.equals(active);
  }

  @Override
  public List<String> tableColumns() {
    return List.of("id", "name", "active", "city.name", "email", "phone");
  }
}
