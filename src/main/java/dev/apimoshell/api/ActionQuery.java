package dev.apimoshell.api;

import dev.apimoshell.internal.client.PageFetcher;
import dev.apimoshell.model.Action;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The actions of one user, optionally of one type (a code of the {@code action_type} catalog, sent
 * to Apimo as the {@code type} parameter).
 *
 * <pre>{@code Apimo.agency(14).user(9).actions().type(2).limit(20).list()}</pre>
 */
public final class ActionQuery extends Query<Action> {
  ActionQuery(PageFetcher fetcher, QuerySpec<Action> spec) {
    super(fetcher, spec);
  }

  /** Only actions of this type (filtered by the server). */
  public ActionQuery type(int code) {
    return with(spec.withParam("type", code));
  }

  /**
   * Only actions dated from {@code from} to {@code to}, both days included. Apimo's actions call
   * has no date filter, so this one runs here: every page of the user's actions is fetched (add
   * {@link #type(int)} to let the server narrow them), and actions without a date are left out.
   *
   * <pre>{@code actions().between(LocalDate.of(2018, 9, 1), LocalDate.of(2018, 9, 30)).list()}
   * </pre>
   */
  public ActionQuery between(LocalDate from, LocalDate to) {
    return where(datedBetween(from, to));
  }

  /**
   * Only the actions with this contact; actions without a contact are left out (no {@code
   * NullPointerException} as with {@code a.contact() == id}). Filtered here: every page is read.
   *
   * <pre>{@code Apimo.agency(14).user(9).actions().contact(4140000753L).list()}</pre>
   */
  public ActionQuery contact(long contactId) {
    return where(withContact(contactId));
  }

  /**
   * The latest action by date, then start time; empty when none has a date.
   *
   * <pre>{@code Apimo.agency(14).user(9).actions().latest()}</pre>
   */
  public Optional<Action> latest() {
    try (Stream<Action> actions = stream()) {
      return actions.filter(a -> a.date() != null).max(LATEST);
    }
  }

  /** Actions in time order: by date, then start time (none first). */
  static final Comparator<Action> LATEST =
      Comparator.comparing(Action::date, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Action::timeStart, Comparator.nullsFirst(Comparator.naturalOrder()));

  static Predicate<Action> withContact(long contactId) {
    return a -> a.contact() != null && a.contact() == contactId;
  }

  /** The check of {@link #between}: both dates given, in order; actions without a date fail it. */
  static Predicate<Action> datedBetween(LocalDate from, LocalDate to) {
    if (from == null || to == null) {
      throw new IllegalArgumentException(
          "between(from, to) needs two dates, e.g. between(LocalDate.of(2018, 9, 1),"
              + " LocalDate.of(2018, 9, 30))");
    }
    if (from.isAfter(to)) {
      throw new IllegalArgumentException(
          "between(" + from + ", " + to + "): the first date is after the second; swap them");
    }
    return a -> a.date() != null && !a.date().isBefore(from) && !a.date().isAfter(to);
  }

  @Override
  protected ActionQuery with(QuerySpec<Action> spec) {
    return new ActionQuery(fetcher, spec);
  }

  @Override
  public ActionQuery where(Predicate<? super Action> predicate) {
    return (ActionQuery) super.where(predicate);
  }

  @Override
  public ActionQuery limit(long n) {
    return (ActionQuery) super.limit(n);
  }

  @Override
  public ActionQuery offset(long n) {
    return (ActionQuery) super.offset(n);
  }

  @Override
  public ActionQuery pageSize(int n) {
    return (ActionQuery) super.pageSize(n);
  }

  @Override
  public ActionQuery parallel(int n) {
    return (ActionQuery) super.parallel(n);
  }
}
