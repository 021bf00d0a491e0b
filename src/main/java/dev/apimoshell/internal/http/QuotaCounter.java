package dev.apimoshell.internal.http;

import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.QuotaStore;
import dev.apimoshell.http.QuotaUsage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Counts one provider's requests per Apimo day in a {@link QuotaStore}, so that clients and runs
 * add up. Requests are counted in memory and handed to the store in batches: on the first request
 * of a day, every {@value #BATCH} requests, after {@link #FLUSH_NANOS} ns, on every request once
 * the count nears the warning threshold, and on {@link #flush()} (the client's {@code close()}).
 */
public final class QuotaCounter {
  static final long DAILY_LIMIT = 1_000;
  public static final ZoneId APIMO_ZONE = ZoneId.of("Europe/Paris");
  private static final double WARN_AT = 0.8;
  static final int BATCH = 20;
  static final long FLUSH_NANOS = 2_000_000_000L;

  private final QuotaStore store;
  private final String key;
  private final String provider;
  private final Clock clock;
  private LocalDate day;
  private long used;
  private long pending;
  private boolean synced;
  private long flushedAt = System.nanoTime();
  private LocalDate warnedDay;
  private boolean noticed;

  /** A counter in files of {@code dir}; in memory when {@code dir} is null. */
  public QuotaCounter(Path dir, URI baseUrl, String provider, Clock clock) {
    this(dir == null ? QuotaStore.inMemory() : QuotaStore.folder(dir), baseUrl, provider, clock);
  }

  public QuotaCounter(QuotaStore store, URI baseUrl, String provider, Clock clock) {
    this.store = store;
    this.provider = provider;
    this.clock = clock;
    this.key = (baseUrl.getHost() + "-" + provider).replaceAll("[^A-Za-z0-9._-]", "_");
  }

  public static boolean isLoopback(URI baseUrl) {
    return ApimoConfig.isLoopback(baseUrl);
  }

  /** Adds one request; returns the usage when it just crossed the warning threshold. */
  public synchronized QuotaUsage countOne() {
    LocalDate today = today();
    if (!today.equals(day)) {
      flush();
      day = today;
      used = 0;
      synced = false;
    }
    pending++;
    used++;
    if (!synced
        || pending >= BATCH
        || used >= DAILY_LIMIT * WARN_AT - BATCH
        || System.nanoTime() - flushedAt >= FLUSH_NANOS) {
      flush();
    }
    if (used >= DAILY_LIMIT * WARN_AT && !today.equals(warnedDay)) {
      warnedDay = today;
      return new QuotaUsage(provider, today, used, DAILY_LIMIT);
    }
    return null;
  }

  /** Hands the requests counted since the last flush to the store. */
  public synchronized void flush() {
    flushedAt = System.nanoTime();
    if (day == null || pending == 0 && synced) {
      return;
    }
    long total = store.add(key, day, pending);
    if (total >= 0) {
      used = Math.max(used, total);
      pending = 0;
      synced = true;
    }
  }

  /** Today's count, asked of the store again so that other clients' and runs' requests show. */
  public synchronized QuotaUsage usage() {
    LocalDate today = today();
    flush();
    long count = today.equals(day) ? used : 0;
    long stored = store.add(key, today, 0);
    return new QuotaUsage(provider, today, Math.max(count, stored), DAILY_LIMIT);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(APIMO_ZONE));
  }

  /**
   * A one-line notice that the count file was damaged and reset, once per counter; null when there
   * is none (or it was taken already).
   */
  public synchronized String takeNotice() {
    if (noticed) {
      return null;
    }
    String said = store.takeNotice();
    noticed = said != null;
    return said;
  }
}
