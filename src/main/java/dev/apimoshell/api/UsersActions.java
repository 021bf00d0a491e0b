package dev.apimoshell.api;

import dev.apimoshell.http.ApimoException;
import dev.apimoshell.model.Action;
import dev.apimoshell.model.Page;
import dev.apimoshell.model.User;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * Every user's actions, user after user in the order of the agency's user list, each user's in
 * offset order. One budget of {@code parallel} pages in flight serves the current user's pages
 * first; what it leaves free fetches the first pages of the users after it, so an agency of many
 * users with a page or two each still keeps {@code parallel} requests going.
 *
 * <p>Each user's pages are read by a {@link Pager} (de-duplication, the offset guard and the end of
 * paging are per user). With a limit and no filter, no user's page is fetched ahead: never more
 * than the limit is asked for.
 */
final class UsersActions<T> implements RecordSource<T> {
  private final AgencyActionQuery query;
  private final LongFunction<QuerySpec<T>> specs;
  private final boolean prefetch;
  private final Semaphore permits;
  private final OrderedWindow<Long, Page<T>> firstPages;
  private final Stream<User> userStream;
  private final Iterator<User> users;
  private final long wanted;
  private Pager<T> current;
  private long currentUser;
  private long delivered;
  private int usersTotal = -1;
  private int usersDone;
  private boolean readingAhead;
  private volatile boolean closed;

  /**
   * @param specs one user's actions with the query's server filter, page size and parallelism:
   *     typed, or left as sent
   */
  UsersActions(AgencyActionQuery query, LongFunction<QuerySpec<T>> specs, boolean prefetch) {
    this.query = query;
    this.specs = specs;
    this.prefetch = prefetch;
    this.readingAhead = prefetch;
    QuerySpec<Action> spec = query.spec;
    int parallel = spec.parallel() > 0 ? spec.parallel() : query.fetcher.parallel();
    this.permits = new Semaphore(parallel);
    this.firstPages = new OrderedWindow<>(query.fetcher.executor(), permits);
    this.wanted = spec.filter() == null ? spec.limit() : -1;
    this.userStream = query.users();
    this.users =
        new Iterator<>() {
          private Iterator<User> all;

          @Override
          public boolean hasNext() {
            return all().hasNext();
          }

          @Override
          public User next() {
            return all().next();
          }

          /** The user list, read at the first user asked for: its size is the scan's cost. */
          private Iterator<User> all() {
            if (all == null) {
              var list = userStream.toList();
              usersTotal = list.size();
              if (wanted < 0) {
                query.fetcher.notifyPlan(
                    query.spec.endpoint().path(),
                    "every user's actions: "
                        + usersTotal
                        + (usersTotal == 1 ? " user" : " users")
                        + ", at least "
                        + (usersTotal + 1)
                        + " requests (one per "
                        + query.spec.endpoint().maxPageSize()
                        + " actions of each user)");
              }
              all = list.iterator();
            }
            return all;
          }
        };
  }

  @Override
  public boolean hasNext() {
    if (wanted >= 0 && delivered >= wanted) {
      return false;
    }
    try {
      while (current == null || !current.hasNext()) {
        if (closed || !startNextUser()) {
          close();
          return false;
        }
      }
      if (readingAhead && current.allPlanned()) {
        fetchFirstPagesAhead();
      }
      return true;
    } catch (ApimoException e) {
      close();
      throw delivered == 0 ? e : incomplete(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    delivered++;
    return current.next();
  }

  /** Moves to the next user: its first page from the window, or fetched by its pager. */
  private boolean startNextUser() {
    if (current != null) {
      current.close();
      current = null;
      readingAhead = true; // a second user: the caller reads on, as a pager from its second page
      if (wanted < 0) {
        query.fetcher.notifyPage(query.spec.endpoint().path(), ++usersDone, usersTotal);
      }
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("Stopped after " + delivered + " actions");
    }
    fetchFirstPagesAhead();
    Page<T> seed = null;
    Long ahead = firstPages.head();
    if (ahead != null) {
      currentUser = ahead;
      seed = takeFirstPage();
    } else if (users.hasNext()) {
      currentUser = users.next().id();
    } else {
      return false;
    }
    long left = wanted < 0 ? -1 : wanted - delivered;
    current =
        new Pager<>(
            query.fetcher,
            specs.apply(currentUser),
            left,
            prefetch,
            SeenIds.DEFAULT_CAPACITY,
            permits,
            seed);
    return true;
  }

  /** Starts the first pages of the users ahead while permits are free (never with a limit). */
  private void fetchFirstPagesAhead() {
    if (wanted >= 0 || !readingAhead) {
      return; // a limit asks for nothing ahead; findFirst() costs the first user's first page
    }
    while (!closed && permits.availablePermits() > 0 && users.hasNext()) {
      long user = users.next().id();
      QuerySpec<T> spec = specs.apply(user);
      if (!firstPages.trySubmit(
          user, () -> query.fetcher.fetch(spec.endpoint(), spec.params(), spec.pageSize(), 0))) {
        throw new IllegalStateException("no permit after availablePermits() > 0");
      }
    }
  }

  private Page<T> takeFirstPage() {
    try {
      return firstPages.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Stopped after " + delivered + " actions");
    }
  }

  /** A failure after some actions: resume from the user whose actions failed. */
  private IncompleteStreamException incomplete(ApimoException e) {
    long offset = 0;
    ApimoException cause = e;
    if (e instanceof IncompleteStreamException partial
        && partial.getCause() instanceof ApimoException original) {
      offset = partial.offset();
      cause = original;
    }
    return new IncompleteStreamException(
        cause,
        offset,
        delivered,
        ".fromUser("
            + currentUser
            + ") (or agency.user("
            + currentUser
            + ").actions().offset("
            + offset
            + ") for the rest of this user's actions, then .fromUser(the next user))");
  }

  /** The most users' first pages in flight at once. */
  int highWater() {
    return firstPages.highWater();
  }

  @Override
  public void close() {
    closed = true;
    if (current != null) {
      current.close();
    }
    firstPages.close();
    userStream.close();
  }
}
