package dev.apimoshell.internal.client;

/**
 * A paginated list endpoint: its path, the key its records come under, their type and the most
 * records Apimo returns in one page.
 *
 * <pre>{@code new Endpoint<>("/agencies/14/users", "users", User.class, 10_000)}</pre>
 */
public record Endpoint<T>(String path, String listKey, Class<T> type, int maxPageSize) {
  public Endpoint {
    if (maxPageSize < 1) {
      throw new IllegalArgumentException("maxPageSize must be positive");
    }
  }
}
