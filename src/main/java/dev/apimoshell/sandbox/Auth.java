package dev.apimoshell.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic authentication with the sandbox's one provider id and token. */
final class Auth {

  static final String PROVIDER = "1";
  static final String TOKEN = "sandbox-token";
  static final String CHALLENGE = "Basic realm=\"Apimo\"";

  private final String expected;

  Auth(String provider, String token) {
    this.expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((provider + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  /** Throws 401 unless the Authorization header carries exactly the sandbox's credentials. */
  void check(String authorization) {
    if (authorization == null || !authorization.strip().equals(expected)) {
      throw new HttpError(
          401, authorization == null ? "authentication required" : "wrong provider or token");
    }
  }
}
