package dev.apimoshell.api;

import dev.apimoshell.model.User;

/**
 * A handle on one agency: the starting point of its queries. Creating it sends
 * nothing; an unknown agency shows up as a 404 when a query runs.
 *
 * <pre>{@code Apimo.agency(14).users().count()}</pre>
 */
public final class Agency {
  private final PageFetcher fetcher;
  private final long id;

  public Agency(PageFetcher fetcher, long id) {
    this.fetcher = fetcher;
    this.id = id;
  }

  public long id() {
    return id;
  }

  /** The agency's users (10,000 a page at most). */
  public Query<User> users() {
    return new Query<>(fetcher, QuerySpec.of(new Endpoint<>(path() + "/users", "users", User.class, 10_000)));
  }

  /** A handle on one user of the agency. */
  public UserRef user(long userId) {
    return new UserRef(fetcher, this, userId);
  }

  String path() {
    return "/agencies/" + id;
  }

  @Override
  public String toString() {
    return "Agency " + id + " (try .users(), .user(id).actions())";
  }
}
