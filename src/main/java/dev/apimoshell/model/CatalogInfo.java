package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A catalog Apimo offers, from {@code GET /catalogs}: its name, path and whether it is private. */
public record CatalogInfo(
    String name,
    String path,
    @JsonProperty("private") Boolean isPrivate,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

  public CatalogInfo {
    extra = Extra.freeze(extra);
  }
}
