package dev.apimoshell.api;

import dev.apimoshell.internal.client.PageFetcher;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.function.Predicate;

/**
 * A query over an endpoint that can return only what changed: {@link #since} sends Apimo's {@code
 * timestamp} parameter (created or updated at or after).
 *
 * <pre>{@code Apimo.agency(14).contacts().since(LocalDateTime.now().minusDays(7)).list()}</pre>
 */
public final class SinceQuery<T> extends Query<T> {
  SinceQuery(PageFetcher fetcher, QuerySpec<T> spec) {
    super(fetcher, spec);
  }

  /** Only records created or updated at or after this instant. */
  public SinceQuery<T> since(Instant instant) {
    return with(spec.withParam("timestamp", Since.seconds(instant)));
  }

  /** Only records created or updated at or after this Paris local time. */
  public SinceQuery<T> since(LocalDateTime local) {
    return with(spec.withParam("timestamp", Since.seconds(local)));
  }

  @Override
  protected SinceQuery<T> with(QuerySpec<T> spec) {
    return new SinceQuery<>(fetcher, spec);
  }

  @Override
  public SinceQuery<T> where(Predicate<? super T> predicate) {
    return (SinceQuery<T>) super.where(predicate);
  }

  @Override
  public SinceQuery<T> limit(long n) {
    return (SinceQuery<T>) super.limit(n);
  }

  @Override
  public SinceQuery<T> offset(long n) {
    return (SinceQuery<T>) super.offset(n);
  }

  @Override
  public SinceQuery<T> pageSize(int n) {
    return (SinceQuery<T>) super.pageSize(n);
  }

  @Override
  public SinceQuery<T> parallel(int n) {
    return (SinceQuery<T>) super.parallel(n);
  }
}
