package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * One code of a catalog in one culture: {@code {id: 1, name: "Apartment", culture: "en"}}. {@code
 * namePlurial} is Apimo's spelling.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CatalogEntry(
    int id,
    String name,
    String namePlurial,
    String culture,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  public CatalogEntry {
    extra = Extra.freeze(extra);
  }
}
