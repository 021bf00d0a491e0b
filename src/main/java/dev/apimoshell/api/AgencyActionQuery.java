package dev.apimoshell.api;

import dev.apimoshell.internal.client.Endpoint;
import dev.apimoshell.internal.client.PageFetcher;
import dev.apimoshell.model.Action;
import dev.apimoshell.model.ApimoRecord;
import dev.apimoshell.model.Page;
import dev.apimoshell.model.User;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The actions of every user of an agency: user after user in the order of the agency's user list,
 * each user's actions in Apimo's order. Apimo has no call for this, so it reads the user list, then
 * each user's actions; the pages of consecutive users are fetched {@code parallel} at a time, so
 * many users with a page or two each do not wait for one another.
 *
 * <pre>{@code
 * Apimo.agency(14).actions().export("actions.csv");
 * Apimo.agency(14).actions().type(2).count();   // one request per user
 * }</pre>
 *
 * <p>{@code offset(n)} has no meaning across users: a failed stream names the user to resume from
 * ({@link #fromUser(long)}).
 */
public final class AgencyActionQuery extends Query<Action> {
  private final AgencyRef agency;
  private final long fromUser;

  AgencyActionQuery(PageFetcher fetcher, AgencyRef agency) {
    this(fetcher, agency, spec(agency), 0);
  }

  private AgencyActionQuery(
      PageFetcher fetcher, AgencyRef agency, QuerySpec<Action> spec, long fromUser) {
    super(fetcher, spec);
    this.agency = agency;
    this.fromUser = fromUser;
  }

  private static QuerySpec<Action> spec(AgencyRef agency) {
    return QuerySpec.of(
        new Endpoint<>(agency.path() + "/users/*/actions", "actions", Action.class, 1_000));
  }

  /** Only actions of this type (filtered by the server, for every user). */
  public AgencyActionQuery type(int code) {
    return with(spec.withParam("type", code));
  }

  /** Only actions dated from {@code from} to {@code to}, both days included (filtered here). */
  public AgencyActionQuery between(LocalDate from, LocalDate to) {
    return where(ActionQuery.datedBetween(from, to));
  }

  /**
   * Only the actions with this contact, of every user; actions without a contact are left out.
   * Filtered here: every user's actions are read ("a contact says nobody called her back").
   *
   * <pre>{@code Apimo.agency(14).actions().contact(4140000753L).list()}</pre>
   */
  public AgencyActionQuery contact(long contactId) {
    return where(ActionQuery.withContact(contactId));
  }

  /**
   * Each user's last action (by date, then start time), users without any included: one scan of
   * every user's actions, its cost said before it starts.
   *
   * <pre>{@code Apimo.agency(14).actions().lastPerUser()}</pre>
   *
   * @return one row per user of the agency, in the order of its user list
   */
  public List<LastAction> lastPerUser() {
    Map<Long, Action> last = new HashMap<>();
    try (Stream<Action> actions = stream()) {
      actions
          .filter(a -> a.user() != null && a.date() != null)
          .forEach(a -> last.merge(a.user(), a, BinaryOperator.maxBy(ActionQuery.LATEST)));
    }
    try (Stream<User> users = agency.users().stream()) {
      return users.map(u -> LastAction.of(u, last.get(u.id()))).toList();
    }
  }

  /** Starts at this user of the agency's list (after a failure, to resume there). */
  public AgencyActionQuery fromUser(long userId) {
    return new AgencyActionQuery(fetcher, agency, spec, userId);
  }

  /** Not available across users: use {@link #fromUser(long)} or one user's {@code offset(n)}. */
  @Override
  public AgencyActionQuery offset(long n) {
    throw new IllegalArgumentException(
        "offset(n) counts within one user's actions: use agency.user(id).actions().offset(n),"
            + " or fromUser(id) to start at a user");
  }

  /**
   * How many actions: without {@link #where}, the sum of each user's {@code total_items}, one
   * request per user ({@code parallel} at a time) plus the user list; with it, every page.
   */
  @Override
  public long count() {
    if (spec.filter() != null) {
      return super.count();
    }
    int parallel = spec.parallel() > 0 ? spec.parallel() : fetcher.parallel();
    long sum = 0;
    try (Stream<User> users = users();
        var counts = new OrderedWindow<Long, Long>(fetcher.executor(), new Semaphore(parallel))) {
      Iterator<User> pending = users.iterator();
      while (true) {
        while (counts.size() < parallel && pending.hasNext()) {
          long id = pending.next().id();
          if (!counts.trySubmit(id, userQuery(id)::count)) {
            throw new IllegalStateException("no permit with " + counts.size() + " counts running");
          }
        }
        if (counts.head() == null) {
          return sum;
        }
        sum += counts.take();
        if (spec.limit() >= 0 && sum >= spec.limit()) {
          return spec.limit();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Stopped counting actions");
    }
  }

  /** The first {@code n} actions; the total is unknown without counting every user (-1). */
  @Override
  public Page<Action> page(int n) {
    try (Stream<Action> records =
        limit(spec.limit() < 0 ? n : Math.min(n, spec.limit())).stream()) {
      return new Page<>(records.toList(), -1);
    }
  }

  @Override
  RecordSource<Action> source(boolean prefetch) {
    return new UsersActions<>(this, this::specFor, prefetch);
  }

  @Override
  RecordSource<ApimoRecord> sentSource() {
    return new UsersActions<>(this, user -> specFor(user).asSent(), true);
  }

  @Override
  LongUnaryOperator resumeOffsets(RecordSource<?> source) {
    return null; // the error names the user to resume from
  }

  /**
   * The agency's users from {@link #fromUser(long)} on; a user not in the list (deleted since the
   * failure that named it) fails at the end of the list rather than giving no actions at all.
   */
  Stream<User> users() {
    Stream<User> all = agency.users().stream();
    if (fromUser <= 0) {
      return all;
    }
    var found = new AtomicBoolean();
    Stream<User> notFound =
        Stream.of(fromUser)
            .flatMap(
                id -> {
                  if (!found.get()) {
                    throw new IllegalArgumentException(
                        "user "
                            + id
                            + " is not in agency "
                            + agency.id()
                            + " (deleted since?): see agency("
                            + agency.id()
                            + ").users() for the ids to use in fromUser(...)");
                  }
                  return Stream.empty();
                });
    return Stream.concat(
        all.dropWhile(u -> u.id() != fromUser).peek(u -> found.set(true)), notFound);
  }

  /** One user's actions with this query's server filter, page size and parallelism. */
  QuerySpec<Action> specFor(long userId) {
    return userQuery(userId).spec;
  }

  private ActionQuery userQuery(long userId) {
    QuerySpec<Action> one =
        agency
            .user(userId)
            .actions()
            .spec
            .withPageSize(spec.pageSize())
            .withParallel(spec.parallel());
    for (var param : spec.params().entrySet()) {
      one = one.withParam(param.getKey(), param.getValue());
    }
    return new ActionQuery(fetcher, one);
  }

  @Override
  protected AgencyActionQuery with(QuerySpec<Action> spec) {
    return new AgencyActionQuery(fetcher, agency, spec, fromUser);
  }

  @Override
  public AgencyActionQuery where(Predicate<? super Action> predicate) {
    return (AgencyActionQuery) super.where(predicate);
  }

  @Override
  public AgencyActionQuery limit(long n) {
    return (AgencyActionQuery) super.limit(n);
  }

  @Override
  public AgencyActionQuery pageSize(int n) {
    return (AgencyActionQuery) super.pageSize(n);
  }

  @Override
  public AgencyActionQuery parallel(int n) {
    return (AgencyActionQuery) super.parallel(n);
  }

  @Override
  public String toString() {
    String from = fromUser > 0 ? " from user " + fromUser : "";
    return super.toString().replace("Query[", "Query[every user" + from + ": ");
  }
}
