package dev.apimoshell.api;

import dev.apimoshell.internal.client.Endpoint;
import dev.apimoshell.internal.client.Session;
import dev.apimoshell.model.Action;
import dev.apimoshell.model.RawRecord;
import dev.apimoshell.model.User;
import java.util.Optional;

/**
 * A handle on one user of an agency, for the queries below it. Sends nothing by itself.
 *
 * <pre>{@code Apimo.agency(14).user(9).actions().first()}</pre>
 */
public final class UserRef {
  private final Session session;
  private final AgencyRef agency;
  private final long id;

  UserRef(Session session, AgencyRef agency, long id) {
    this.session = session;
    this.agency = agency;
    this.id = id;
  }

  public long id() {
    return id;
  }

  public AgencyRef agency() {
    return agency;
  }

  /**
   * The user's record, found in the agency's user list (Apimo has no call for one user): one
   * request for an agency of up to 10,000 users, one more per further 10,000.
   *
   * <pre>{@code Apimo.agency(14).user(9).details().map(User::email)}</pre>
   *
   * @return the user, or empty when the agency has no user with this id
   */
  public Optional<User> details() {
    return RecordFinder.find(agency.users(), id);
  }

  /** The user's actions (1,000 a page at most). */
  public ActionQuery actions() {
    var endpoint =
        new Endpoint<>(agency.path() + "/users/" + id + "/actions", "actions", Action.class, 1_000);
    return new ActionQuery(session.pages(), QuerySpec.of(endpoint));
  }

  /** The user's actions exactly as Apimo sent them, paged like {@link #actions()}. */
  public Query<RawRecord> rawActions() {
    return AgencyRef.raw(session, actions().spec.endpoint());
  }

  @Override
  public String toString() {
    return "User " + id + " of agency " + agency.id() + " (try .actions(), .details())";
  }
}
