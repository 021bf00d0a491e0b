package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * A snapshot's record: its line exactly as stored, served as is, and the few facts the list filters
 * read, taken from it once.
 *
 * @param id the record's {@code id}, null when absent or not a number
 * @param user an action's {@code user}
 * @param stamps {@code created_at} and {@code updated_at} (Paris time) in UNIX seconds, null when
 *     the record has neither
 */
record Stored(
    String raw,
    Long id,
    Long user,
    Integer type,
    Integer step,
    Integer status,
    Integer category,
    Stamps stamps) {

  /**
   * @throws IllegalArgumentException when the line is not a JSON object, in words
   */
  static Stored parse(String raw) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (!(node instanceof ObjectNode record)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return of(raw, record);
  }

  static Stored of(String raw, ObjectNode record) {
    return new Stored(
        raw,
        number(record, "id"),
        number(record, "user"),
        code(record, "type"),
        code(record, "step"),
        code(record, "status"),
        code(record, "category"),
        stamps(record));
  }

  ObjectNode tree() {
    try {
      return (ObjectNode) Json.MAPPER.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored record no longer parses", e);
    }
  }

  /** Apimo's {@code timestamp} filter; a record without dates is always kept. */
  boolean since(long epochSecond) {
    return stamps == null || stamps.since(epochSecond);
  }

  long updated() {
    return stamps == null ? 0 : stamps.updated();
  }

  /** A number or a numeric string ({@code 9} or {@code "9"}), as Apimo mixes them. */
  private static Long number(ObjectNode record, String field) {
    JsonNode value = record.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    try {
      return value.isTextual() ? Long.parseLong(value.asText().strip()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer code(ObjectNode record, String field) {
    Long value = number(record, field);
    return value == null
        ? null
        : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  private static Stamps stamps(ObjectNode record) {
    Long created = epoch(record.path("created_at").asText(null));
    Long updated = epoch(record.path("updated_at").asText(null));
    if (created == null && updated == null) {
      return null;
    }
    return new Stamps(created == null ? updated : created, updated == null ? created : updated);
  }

  private static Long epoch(String dateTime) {
    if (dateTime == null || dateTime.isBlank()) {
      return null;
    }
    try {
      return Dates.epoch(LocalDateTime.parse(dateTime.strip().replace('T', ' '), Dates.DATE_TIME));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
