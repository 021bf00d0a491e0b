package dev.apimoshell.internal.http;

import dev.apimoshell.internal.text.Sizes;
import java.io.IOException;

/**
 * A body that broke one of the {@link ApimoConfig.Limits}: too large or too slow. An {@link
 * IOException} so that it travels through the HTTP client's future like a network failure, but
 * never retried: the server would send the same again.
 */
final class BodyLimitException extends IOException {
  private final boolean tooLarge;

  private BodyLimitException(String message, boolean tooLarge) {
    super(message);
    this.tooLarge = tooLarge;
  }

  static BodyLimitException tooLarge(long maxBytes, String what) {
    return new BodyLimitException(what + " more than " + Sizes.cap(maxBytes), true);
  }

  static BodyLimitException tooSlow(java.time.Duration bodyTimeout, long received) {
    return new BodyLimitException(
        "the body took longer than "
            + bodyTimeout.toSeconds()
            + " s to arrive ("
            + Sizes.human(received)
            + " received)",
        false);
  }

  boolean tooLarge() {
    return tooLarge;
  }
}
