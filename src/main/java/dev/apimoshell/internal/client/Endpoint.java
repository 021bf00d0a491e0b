package dev.apimoshell.internal.client;

import dev.apimoshell.internal.json.SentJson;
import dev.apimoshell.model.ApimoRecord;

/**
 * A paginated list endpoint: its path, the key its records come under, their type and the most
 * records Apimo returns in one page.
 *
 * <pre>{@code new Endpoint<>("/agencies/14/users", "users", User.class, 10_000)}</pre>
 *
 * @param sentOf for a list read {@linkplain #asSent() as sent}, the model type its records are not
 *     decoded into; null for a list decoded into {@code type}
 */
public record Endpoint<T>(
    String path,
    String listKey,
    Class<T> type,
    int maxPageSize,
    Class<? extends ApimoRecord> sentOf) {
  public Endpoint {
    if (maxPageSize < 1) {
      throw new IllegalArgumentException("maxPageSize must be positive");
    }
  }

  public Endpoint(String path, String listKey, Class<T> type, int maxPageSize) {
    this(path, listKey, type, maxPageSize, null);
  }

  /** Whether its records can be read {@linkplain #asSent() as sent}: they keep what was sent. */
  public boolean readsAsSent() {
    return sentOf == null && ApimoRecord.class.isAssignableFrom(type) && SentJson.keptBy(type);
  }

  /**
   * The same list, each record's object left as Apimo sent it ({@link SentRecord}) rather than
   * decoded; an element that is not an object ({@code null}, {@code []}) is read as the typed list
   * reads it, so the list holds records of either kind.
   *
   * @throws IllegalStateException when its records do not keep what was sent ({@link
   *     #readsAsSent()})
   */
  @SuppressWarnings("unchecked")
  public Endpoint<ApimoRecord> asSent() {
    if (!readsAsSent()) {
      throw new IllegalStateException(type.getSimpleName() + " records cannot be read as sent");
    }
    return new Endpoint<>(
        path, listKey, ApimoRecord.class, maxPageSize, (Class<? extends ApimoRecord>) type);
  }

  /** The model type named in messages: {@code Action}, whether the list is read as sent or not. */
  public String recordName() {
    return (sentOf != null ? sentOf : type).getSimpleName();
  }
}
