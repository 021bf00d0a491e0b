package dev.apimoshell.http;

import java.time.LocalDate;
import java.util.Locale;

/**
 * How many requests one provider has sent today, counted by this machine (every run of apimo-shell
 * adds to the same count). Apimo's day ends at midnight Europe/Paris.
 *
 * <pre>{@code
 * Apimo.client().http().quota().ifPresent(q -> System.out.println(q.remaining()));
 * }</pre>
 *
 * @param provider the provider id
 * @param day the Europe/Paris date counted
 * @param used requests sent that day, retries included
 * @param limit requests allowed a day
 */
public record QuotaUsage(String provider, LocalDate day, long used, long limit) {

  public long remaining() {
    return Math.max(0, limit - used);
  }

  /** {@code 812 of 1,000 requests used today (Paris day 2026-11-29), 188 left}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%,d of %,d requests used today by provider %s (Paris day %s, counted on this machine),"
            + " %,d left",
        used,
        limit,
        provider,
        day,
        remaining());
  }
}
