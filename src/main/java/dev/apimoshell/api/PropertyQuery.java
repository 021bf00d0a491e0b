package dev.apimoshell.api;

import dev.apimoshell.internal.client.PageFetcher;
import dev.apimoshell.model.Property;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An agency's listings, with Apimo's server-side filters: {@code step} (1 in progress, 2 standby, 3
 * closed, 4 deleted), {@code status}, {@code group} and {@code since}.
 *
 * <pre>{@code Apimo.agency(14).properties().step(1).since(LocalDateTime.now().minusDays(1)).list()}
 * </pre>
 */
public final class PropertyQuery extends Query<Property> {
  PropertyQuery(PageFetcher fetcher, QuerySpec<Property> spec) {
    super(fetcher, spec);
  }

  /** Only listings at this step (catalog {@code property_step}). */
  public PropertyQuery step(int code) {
    return with(spec.withParam("step", code));
  }

  /** Only listings with this status (catalog {@code property_status}). */
  public PropertyQuery status(int code) {
    return with(spec.withParam("status", code));
  }

  /** Only listings of this group of agencies. */
  public PropertyQuery group(int id) {
    return with(spec.withParam("group", id));
  }

  /** Only listings created or updated at or after this instant. */
  public PropertyQuery since(Instant instant) {
    return with(spec.withParam("timestamp", Since.seconds(instant)));
  }

  /** Only listings created or updated at or after this Paris local time. */
  public PropertyQuery since(LocalDateTime local) {
    return with(spec.withParam("timestamp", Since.seconds(local)));
  }

  /**
   * The listing with this reference ({@code "VI14"}), case and accents aside; empty when none has
   * it. Apimo has no filter by reference, so pages are read until it is found.
   *
   * <pre>{@code Apimo.agency(14).properties().reference("VI14")}</pre>
   */
  public Optional<Property> reference(String reference) {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException(
          "reference(...) needs a reference, e.g. reference(\"VI14\")");
    }
    String wanted = Names.fold(reference.strip());
    return where(p -> p.reference() != null && Names.fold(p.reference().strip()).equals(wanted))
        .first();
  }

  @Override
  protected PropertyQuery with(QuerySpec<Property> spec) {
    return new PropertyQuery(fetcher, spec);
  }

  @Override
  public PropertyQuery where(Predicate<? super Property> predicate) {
    return (PropertyQuery) super.where(predicate);
  }

  @Override
  public PropertyQuery limit(long n) {
    return (PropertyQuery) super.limit(n);
  }

  @Override
  public PropertyQuery offset(long n) {
    return (PropertyQuery) super.offset(n);
  }

  @Override
  public PropertyQuery pageSize(int n) {
    return (PropertyQuery) super.pageSize(n);
  }

  @Override
  public PropertyQuery parallel(int n) {
    return (PropertyQuery) super.parallel(n);
  }
}
