package dev.apimoshell.snapshot;

import dev.apimoshell.http.ApimoConfig;
import java.net.URI;

/**
 * The name a snapshot's manifest gives the server it was read from: its base URL, except for a
 * server on this machine (the embedded sandbox, {@code --sandbox}), named {@code sandbox}: its port
 * changes at each start while its data does not, so a snapshot taken yesterday refreshes today.
 *
 * <pre>{@code
 * ServerIdentity.of("http://127.0.0.1:41569")   // "sandbox"
 * ServerIdentity.of("https://api.apimo.pro/")   // "https://api.apimo.pro"
 * }</pre>
 */
public final class ServerIdentity {
  /** The name of any server on this machine. */
  public static final String SANDBOX = "sandbox";

  private ServerIdentity() {}

  /** The server's name for a manifest. */
  public static String of(String baseUrl) {
    if (baseUrl == null || baseUrl.equals(SANDBOX)) {
      return String.valueOf(baseUrl);
    }
    try {
      URI url = URI.create(baseUrl);
      if (url.getHost() != null && ApimoConfig.isLoopback(url)) {
        return SANDBOX;
      }
    } catch (IllegalArgumentException notAUrl) {
      // kept as written
    }
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * Whether a manifest's server ({@code sandbox}, or an older manifest's {@code
   * http://127.0.0.1:41569}) is the one at {@code baseUrl}.
   */
  public static boolean same(String recorded, String baseUrl) {
    return of(recorded).equals(of(baseUrl));
  }
}
