package dev.apimoshell.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Apimo's {@code timestamp} parameter: UNIX seconds; local date-times are Paris time, as Apimo
 * writes them.
 */
final class Since {
  static final ZoneId APIMO_ZONE = ZoneId.of("Europe/Paris");

  private Since() {}

  static long seconds(Instant instant) {
    return instant.getEpochSecond();
  }

  static long seconds(LocalDateTime local) {
    return local.atZone(APIMO_ZONE).toEpochSecond();
  }
}
