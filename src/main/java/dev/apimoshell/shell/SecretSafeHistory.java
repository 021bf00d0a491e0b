package dev.apimoshell.shell;

import java.time.Instant;
import org.jline.reader.impl.history.DefaultHistory;

/** The persistent history, except that a line containing the API token is never stored. */
final class SecretSafeHistory extends DefaultHistory {

  private final String secret;

  SecretSafeHistory(String secret) {
    this.secret = secret == null || secret.isBlank() ? null : secret;
  }

  @Override
  public void add(Instant time, String line) {
    if (secret != null && line.contains(secret)) {
      return;
    }
    super.add(time, line);
  }
}
