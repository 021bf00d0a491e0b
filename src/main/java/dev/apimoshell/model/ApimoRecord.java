package dev.apimoshell.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.internal.json.KeepsSent;
import dev.apimoshell.internal.json.SentJson;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What every Apimo record has: an id, and the fields the server sent that this version of the
 * record does not know yet (kept, so nothing is lost on export).
 */
public interface ApimoRecord extends KeepsSent {
  long id();

  /** Fields the server sent that have no typed accessor, by their JSON name. */
  Map<String, Object> extra();

  /**
   * The columns a table shows by default (JSON names, dotted for nested fields), so a record with
   * thirty fields still reads at a glance; empty for all of them. {@code show("email", "phone")} or
   * {@link #toJson()} show the rest.
   */
  default List<String> tableColumns() {
    return List.of();
  }

  /**
   * The fields holding catalog codes, by JSON name, with their catalog: what tables and exports
   * turn into {@code <field>_label} columns ({@code group_label}).
   */
  default Map<String, String> codeCatalogs() {
    return Map.of();
  }

  /**
   * The catalogs this record's codes are read from: those of the client that fetched it; null for a
   * record read any other way (the default client's are used).
   */
  default LabelSource labelSource() {
    return null;
  }

  /**
   * The word for the code at {@code field} (a JSON name, dotted for nested ones, as {@link
   * #codeCatalogs()} lists them), from the catalogs of the client that fetched this record; words
   * joined by {@code ", "} for a list of codes; the code itself when it has no word; null when the
   * field is absent.
   *
   * <pre>{@code property.label("heating.device")   // "Radiator"}</pre>
   */
  default String label(String field) {
    return Labels.at(this, field);
  }

  /**
   * The JSON object Apimo sent for this record, as {@code toJson()} and exports write it; null for
   * a record built in Java.
   */
  default SentJson sent() {
    return null;
  }

  /**
   * The record as JSON, pretty: the object Apimo sent, unknown fields, explicit {@code null},
   * {@code ""}, {@code []} and {@code {}} included, ids in the type they were sent in, {@code
   * password} (at any depth) left out. Nothing is invented for a field Apimo did not send. A record
   * built in Java writes its typed fields, empty ones left out.
   */
  default String toJson() {
    try {
      return Json.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(Json.treeWithoutSecrets(this));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
