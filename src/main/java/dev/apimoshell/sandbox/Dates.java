package dev.apimoshell.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Apimo's date formats (zone-less local time of the agency, Europe/Paris) and the sandbox's fixed
 * "now": generated data must not depend on the wall clock, or the same seed would not give the same
 * bytes tomorrow.
 */
final class Dates {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** The moment the generated world stops: every generated record is older. */
  static final long NOW = LocalDateTime.of(2026, 1, 15, 18, 0).atZone(PARIS).toEpochSecond();

  /** The oldest generated record. */
  static final long ORIGIN = LocalDateTime.of(2008, 2, 5, 9, 0).atZone(PARIS).toEpochSecond();

  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Dates() {}

  static LocalDateTime local(long epochSecond) {
    return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), PARIS);
  }

  static String dateTime(long epochSecond) {
    return DATE_TIME.format(local(epochSecond));
  }

  static String date(long epochSecond) {
    return DATE.format(local(epochSecond));
  }

  static String date(LocalDate date) {
    return DATE.format(date);
  }

  static long epoch(LocalDateTime local) {
    return local.atZone(PARIS).toEpochSecond();
  }

  static String nowDateTime() {
    return DATE_TIME.format(LocalDateTime.now(PARIS).withNano(0));
  }
}
