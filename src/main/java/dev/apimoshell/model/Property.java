package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A listing, from {@code GET /agencies/{id}/properties}. Codes point into catalogs: {@code step}
 * ({@code property_step}: 1 in progress, 2 standby, 3 closed, 4 deleted), {@code category} ({@code
 * property_category}: 1 sale, 2 rental...), {@code type}, {@code subtype}, {@code status}; the
 * {@code ...Label()} methods read them as words. {@code reference} is text: agencies use numbers
 * and codes like {@code VI7}.
 *
 * <pre>
 * {@code Apimo.agency(14).properties().step(1).where(p -> p.price().value().intValue() < 300_000).list()}
 * </pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Property(
    long id,
    String reference,
    Long agency,
    Long brand,
    Long sector,
    User user,
    Integer step,
    Integer status,
    Integer category,
    Integer subcategory,
    Integer type,
    Integer subtype,
    String name,
    Agreement agreement,
    String address,
    String country,
    NamedRef region,
    City city,
    NamedRef district,
    BigDecimal latitude,
    BigDecimal longitude,
    Area area,
    Integer rooms,
    Integer bedrooms,
    Price price,
    List<Picture> pictures,
    List<Comment> comments,
    List<RoomArea> areas,
    List<Object> regulations,
    List<Integer> services,
    List<Object> tags,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra)
    implements ApimoRecord {

  public Property {
    pictures = Lists.orEmpty(pictures);
    comments = Lists.orEmpty(comments);
    areas = Lists.orEmpty(areas);
    regulations = Lists.orEmpty(regulations);
    services = Lists.orEmpty(services);
    tags = Lists.orEmpty(tags);
    extra = Extra.freeze(extra);
  }

  /** The description in one language ({@code "fr"}, {@code "en"}), if the agency wrote one. */
  public java.util.Optional<Comment> comment(String language) {
    return comments.stream().filter(c -> language.equalsIgnoreCase(c.language())).findFirst();
  }

  /**
   * The type in words (catalog {@code property_type}), in the default client's culture; null when
   * unknown.
   */
  public String typeLabel() {
    return Labels.of("property_type", type);
  }

  /**
   * The subtype in words (catalog {@code property_subtype}), in the default client's culture; null
   * when unknown.
   */
  public String subtypeLabel() {
    return Labels.of("property_subtype", subtype);
  }

  /**
   * The category in words (catalog {@code property_category}), in the default client's culture;
   * null when unknown.
   */
  public String categoryLabel() {
    return Labels.of("property_category", category);
  }

  /**
   * The step in words (catalog {@code property_step}), in the default client's culture; null when
   * unknown.
   */
  public String stepLabel() {
    return Labels.of("property_step", step);
  }

  /**
   * The status in words (catalog {@code property_status}), in the default client's culture; null
   * when unknown.
   */
  public String statusLabel() {
    return Labels.of("property_status", status);
  }

  @Override
  public List<String> tableColumns() {
    return List.of(
        "id",
        "reference",
        "step_label",
        "category_label",
        "type_label",
        "city.name",
        "rooms",
        "area.value",
        "price.value");
  }

  @Override
  public Map<String, String> codeCatalogs() {
    return Labels.columns(
        "step",
        "property_step",
        "status",
        "property_status",
        "category",
        "property_category",
        "type",
        "property_type",
        "subtype",
        "property_subtype");
  }
}
