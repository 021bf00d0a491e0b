package dev.apimoshell.http;

import java.util.Objects;

/**
 * A provider id and its secret token, for {@code ApimoClient.builder().credentials(supplier)} when
 * they come from a vault rather than from code. {@link #toString()} never shows the token.
 *
 * <pre>{@code
 * ApimoClient.builder().credentials(() -> new Credentials("1234", vault.get("apimo"))).build();
 * }</pre>
 *
 * @param provider the provider id (Basic auth user)
 * @param token the secret token (Basic auth password)
 */
public record Credentials(String provider, String token) {
  public Credentials {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "Credentials[provider " + provider + ", token (hidden)]";
  }
}
