package dev.apimoshell;

import dev.apimoshell.api.Agency;
import dev.apimoshell.http.ApimoConfig;

/**
 * The front door: {@code Apimo.agency(14).users().list()}.
 *
 * <p>The static methods use a default client configured from the environment
 * ({@code APIMO_BASE_URL}, default {@code https://api.apimo.pro}; {@code APIMO_PROVIDER};
 * {@code APIMO_TOKEN}) on first use. {@link #connect} makes independent clients;
 * {@link #useDefault} swaps the default (the shell does so for the sandbox).
 */
public final class Apimo {
  private static volatile ApimoClient defaultClient;

  private Apimo() {}

  /** A handle on an agency of the default client. */
  public static Agency agency(long id) {
    return client().agency(id);
  }

  /** The default client, created from the environment on first use. */
  public static ApimoClient client() {
    ApimoClient client = defaultClient;
    if (client == null) {
      synchronized (Apimo.class) {
        if (defaultClient == null) {
          defaultClient = ApimoClient.connect(ApimoConfig.fromEnvironment(System.getenv()));
        }
        client = defaultClient;
      }
    }
    return client;
  }

  /** A new, independent client; it does not replace the default (see {@link ApimoClient#makeDefault()}). */
  public static ApimoClient connect(String baseUrl, String provider, String token) {
    return ApimoClient.connect(baseUrl, provider, token);
  }

  /** Makes {@code client} the one behind the static methods. */
  public static void useDefault(ApimoClient client) {
    defaultClient = java.util.Objects.requireNonNull(client, "client");
  }
}
