package dev.apimoshell.internal.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads {@code Retry-After}: delay-seconds or an HTTP date; anything else means "not said". */
public final class RetryAfter {
  private RetryAfter() {}

  static Optional<Duration> of(HttpHeaders headers, Clock clock) {
    return headers.firstValue("Retry-After").flatMap(value -> parse(value, clock));
  }

  public static Optional<Duration> parse(String value, Clock clock) {
    String v = value.strip();
    if (v.matches("\\d{1,12}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code 86400 s (1 day)}: how long, for a message. */
  static String describe(Duration wait) {
    long s = wait.toSeconds();
    String plain = s + " s";
    if (s >= 86_400) {
      return plain + " (about " + Math.round(s / 86_400.0 * 10) / 10.0 + " days)";
    }
    if (s >= 3_600) {
      return plain + " (about " + Math.round(s / 3_600.0 * 10) / 10.0 + " hours)";
    }
    if (s >= 120) {
      return plain + " (about " + Math.round(s / 60.0) + " minutes)";
    }
    return plain;
  }
}
