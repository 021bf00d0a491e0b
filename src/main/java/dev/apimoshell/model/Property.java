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
    Long parent,
    Object ranking,
    Integer group,
    Integer quality,
    String blockName,
    String lotReference,
    String cadastreReference,
    String stairsReference,
    String address,
    String addressMore,
    Boolean publishAddress,
    String country,
    NamedRef region,
    City city,
    NamedRef district,
    Object originalCity,
    Object originalDistrict,
    Object location,
    BigDecimal latitude,
    BigDecimal longitude,
    BigDecimal radius,
    BigDecimal altitude,
    String referral,
    String subreferral,
    Area area,
    Plot plot,
    Integer rooms,
    Integer bedrooms,
    Integer sleeps,
    Price price,
    List<Object> rates,
    Residence residence,
    View view,
    Construction construction,
    Floor floor,
    Heating heating,
    Water water,
    Integer condition,
    Integer standing,
    Style style,
    Integer availability,
    LocalDate availableAt,
    LocalDate deliveredAt,
    List<Integer> activities,
    List<Integer> orientations,
    List<Integer> services,
    List<Integer> proximities,
    List<Object> tags,
    List<Object> tagsCustomized,
    List<Picture> pictures,
    List<Object> medias,
    List<Object> documents,
    List<Comment> comments,
    List<RoomArea> areas,
    List<Regulation> regulations,
    List<Object> financial,
    List<Object> exchanges,
    List<Object> options,
    List<Object> logs,
    List<Object> referrals,
    Object owner,
    Object visit,
    String url,
    Long twinned,
    Object facades,
    Object length,
    Object height,
    Object fillingRate,
    String privateComment,
    String interagencyComment,
    String statusComment,
    Long createdBy,
    Long updatedBy,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    @JsonIgnore @JacksonInject(value = SentJson.KEY, useInput = OptBoolean.FALSE) SentJson sent,
    @JsonIgnore @JacksonInject(value = LabelSource.KEY, useInput = OptBoolean.FALSE)
        LabelSource labelSource,
    @JsonAnySetter @JsonAnyGetter @JsonInclude(content = JsonInclude.Include.NON_EMPTY)
        Map<String, Object> extra)
    implements ApimoRecord {

  public Property {
    rates = Lists.orEmpty(rates);
    activities = Lists.orEmpty(activities);
    orientations = Lists.orEmpty(orientations);
    services = Lists.orEmpty(services);
    proximities = Lists.orEmpty(proximities);
    tags = Lists.orEmpty(tags);
    tagsCustomized = Lists.orEmpty(tagsCustomized);
    pictures = Lists.orEmpty(pictures);
    medias = Lists.orEmpty(medias);
    documents = Lists.orEmpty(documents);
    comments = Lists.orEmpty(comments);
    areas = Lists.orEmpty(areas);
    regulations = Lists.orEmpty(regulations);
    financial = Lists.orEmpty(financial);
    exchanges = Lists.orEmpty(exchanges);
    options = Lists.orEmpty(options);
    logs = Lists.orEmpty(logs);
    referrals = Lists.orEmpty(referrals);
    extra = Extra.freeze(extra);
  }

  /** The description in one language ({@code "fr"}, {@code "en"}), if the agency wrote one. */
  public java.util.Optional<Comment> comment(String language) {
    return comments.stream().filter(c -> language.equalsIgnoreCase(c.language())).findFirst();
  }

  /**
   * The type in words (catalog {@code property_type}), in the culture of the client that fetched
   * it; the code when it has no word.
   */
  public String typeLabel() {
    return Labels.of(labelSource, "property_type", type);
  }

  /**
   * The subtype in words (catalog {@code property_subtype}), in the culture of the client that
   * fetched it; the code when it has no word.
   */
  public String subtypeLabel() {
    return Labels.of(labelSource, "property_subtype", subtype);
  }

  /**
   * The category in words (catalog {@code property_category}), in the culture of the client that
   * fetched it; the code when it has no word.
   */
  public String categoryLabel() {
    return Labels.of(labelSource, "property_category", category);
  }

  /**
   * The step in words (catalog {@code property_step}), in the culture of the client that fetched
   * it; the code when it has no word.
   */
  public String stepLabel() {
    return Labels.of(labelSource, "property_step", step);
  }

  /**
   * The status in words (catalog {@code property_status}), in the culture of the client that
   * fetched it; the code when it has no word.
   */
  public String statusLabel() {
    return Labels.of(labelSource, "property_status", status);
  }

  /** The floor's type in words (catalog {@code property_floor}); null without a floor. */
  public String floorLabel() {
    return label("floor.type");
  }

  /** The heating device in words (catalog {@code property_heating_device}). */
  public String heatingLabel() {
    return label("heating.device");
  }

  /** The condition in words (catalog {@code property_condition}). */
  public String conditionLabel() {
    return Labels.of(labelSource, "property_condition", condition);
  }

  /** The standing in words (catalog {@code property_standing}). */
  public String standingLabel() {
    return Labels.of(labelSource, "property_standing", standing);
  }

  /** The availability in words (catalog {@code property_availability}). */
  public String availabilityLabel() {
    return Labels.of(labelSource, "property_availability", availability);
  }

  /** The view's type in words (catalog {@code property_view_type}); null without a view. */
  public String viewLabel() {
    return label("view.type");
  }

  /** The orientations in words (catalog {@code property_orientation}). */
  public List<String> orientationLabels() {
    return Labels.of(labelSource, "property_orientation", orientations);
  }

  /** The proximities in words (catalog {@code property_proximity}). */
  public List<String> proximityLabels() {
    return Labels.of(labelSource, "property_proximity", proximities);
  }

  /** The services in words (catalog {@code property_service}). */
  public List<String> serviceLabels() {
    return Labels.of(labelSource, "property_service", services);
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
    return CODES;
  }

  private static final Map<String, String> CODES =
      Labels.columns(
          "user.group", "user_group",
          "step", "property_step",
          "status", "property_status",
          "category", "property_category",
          "subcategory", "property_subcategory",
          "type", "property_type",
          "subtype", "property_subtype",
          "agreement.type", "property_agreement",
          "area.unit", "unit_area",
          "price.period", "property_period",
          "residence.type", "property_building",
          "residence.period", "property_period",
          "view.type", "property_view_type",
          "view.landscape", "property_view_landscape",
          "construction.type", "property_construction_method",
          "construction.construction_step", "construction_step",
          "floor.type", "property_floor",
          "heating.device", "property_heating_device",
          "heating.devices", "property_heating_device",
          "heating.access", "property_heating_access",
          "heating.type", "property_heating_type",
          "heating.types", "property_heating_type",
          "water.hot_device", "property_hot_water_device",
          "water.hot_access", "property_hot_water_access",
          "water.waste", "property_waste_water",
          "condition", "property_condition",
          "standing", "property_standing",
          "availability", "property_availability",
          "activities", "property_activity",
          "orientations", "property_orientation",
          "services", "property_service",
          "proximities", "property_proximity",
          "tags", "tags",
          "areas[].type", "property_areas",
          "areas[].flooring", "property_flooring",
          "areas[].floor.type", "property_floor",
          "areas[].orientations", "property_orientation",
          "regulations[].type", "property_regulation");
}
