package dev.apimoshell.internal.client;

import dev.apimoshell.internal.json.Json;
import dev.apimoshell.internal.json.LabelSource;
import dev.apimoshell.internal.json.SentJson;
import dev.apimoshell.model.ApimoRecord;
import java.util.Map;

/**
 * One record of a page left as Apimo sent it, not decoded into its model type: what an export
 * without a {@code where(...)} writes, since a record writes exactly its sent object anyway ({@link
 * SentJson}). It keeps what writing it needs: the object's bytes, the type it would be decoded as
 * (for the documented columns and the catalog codes), the catalogs its client reads labels from,
 * and its id, read as the typed record reads it, for paging's de-duplication.
 *
 * <pre>{@code
 * // PageFetcher, for an endpoint read asSent():
 * new SentRecord(Action.class, 19344999, SentJson.of(bytesOfTheObject), labels)
 * }</pre>
 *
 * Written through {@code Json.mapper()} it writes its object, as the typed record would. {@code
 * toString()} never shows the object (it may hold a password).
 *
 * @param type the model record it would be decoded as
 * @param id its {@code id}, read with the typed record's rule; 0 when absent or null
 * @param sent its object as sent
 * @param labelSource the catalogs of the client that fetched it; may be null
 */
public record SentRecord(
    Class<? extends ApimoRecord> type, long id, SentJson sent, LabelSource labelSource)
    implements ApimoRecord {

  private static final ClassValue<Map<String, String>> CODES =
      new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> type) {
          try {
            return ((ApimoRecord) Json.mapper().readValue("{}", type)).codeCatalogs();
          } catch (Exception notARecord) {
            return Map.of();
          }
        }
      };

  /**
   * The catalog code fields of a record type, with their catalog ({@code type -> action_type}), as
   * an empty record of it says: a model record's codes do not depend on its values. Empty for
   * anything but a model record.
   */
  public static Map<String, String> codeCatalogsOf(Class<?> type) {
    return ApimoRecord.class.isAssignableFrom(type) ? CODES.get(type) : Map.of();
  }

  @Override
  public Map<String, String> codeCatalogs() {
    return codeCatalogsOf(type);
  }

  /** None: the object as sent has every field, known or not. */
  @Override
  public Map<String, Object> extra() {
    return Map.of();
  }

  @Override
  public String toString() {
    return type.getSimpleName() + "[id=" + id + ", " + sent + "]";
  }
}
