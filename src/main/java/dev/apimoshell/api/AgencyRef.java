package dev.apimoshell.api;

import dev.apimoshell.internal.client.Endpoint;
import dev.apimoshell.internal.client.Session;
import dev.apimoshell.model.Agency;
import dev.apimoshell.model.Contact;
import dev.apimoshell.model.Contract;
import dev.apimoshell.model.Lead;
import dev.apimoshell.model.NewAction;
import dev.apimoshell.model.NewLead;
import dev.apimoshell.model.Property;
import dev.apimoshell.model.RawRecord;
import dev.apimoshell.model.Request;
import dev.apimoshell.model.User;
import java.time.Instant;
import java.util.Optional;

/**
 * A handle on one agency: the starting point of its queries and writes. Creating it sends nothing;
 * an unknown agency shows up as a 404 when a query runs. (The record with the agency's details is
 * {@link Agency}, from {@link #details()}.)
 *
 * <pre>{@code
 * var agency = Apimo.agency(14);
 * agency.users().count();
 * agency.properties().step(1).limit(10).list();
 * }</pre>
 */
public final class AgencyRef {
  private final Session session;
  private final long id;

  private AgencyRef(Session session, long id) {
    this.session = session;
    this.id = id;
  }

  /**
   * The handle of agency {@code id} on a client's session; scripts call {@code Apimo.agency(id)}.
   */
  public static AgencyRef of(Session session, long id) {
    return new AgencyRef(session, id);
  }

  public long id() {
    return id;
  }

  /** The agency's users (10,000 a page at most). */
  public Query<User> users() {
    return new Query<>(session.pages(), spec("users", User.class, 10_000));
  }

  /** A handle on one user of the agency, for its actions and its record ({@code details()}). */
  public UserRef user(long userId) {
    return new UserRef(session, this, userId);
  }

  /**
   * Every user's actions, user after user ({@link #users()}' order), each user's in Apimo's order:
   * the commonest export. The pages of consecutive users are fetched several at a time.
   *
   * <pre>{@code Apimo.agency(14).actions().type(2).export("calls.csv")}</pre>
   */
  public AgencyActionQuery actions() {
    return new AgencyActionQuery(session.pages(), this);
  }

  /** The agency's listings (1,000 a page at most), with step/status/group/since filters. */
  public PropertyQuery properties() {
    return new PropertyQuery(session.pages(), spec("properties", Property.class, 1_000));
  }

  /**
   * One listing by id. Apimo has no call for one property, so this pages through {@link
   * #properties()} 1,000 at a time, with no page read ahead, and stops at the page that holds it:
   * one request per 1,000 listings before it, every page when there is none.
   *
   * <pre>{@code Apimo.agency(14).property(86379445).map(Property::price)}</pre>
   *
   * @return the listing, or empty when the agency has none with this id
   */
  public Optional<Property> property(long propertyId) {
    return RecordFinder.find(properties(), propertyId);
  }

  /**
   * One contact by id. Apimo has no call for one contact, so this pages through {@link #contacts()}
   * 10,000 at a time, with no page read ahead, and stops at the page that holds it: one request per
   * 10,000 contacts before it, every page when there is none.
   *
   * <pre>{@code Apimo.agency(14).contact(8520201).map(Contact::email)}</pre>
   *
   * @return the contact, or empty when the agency has none with this id
   */
  public Optional<Contact> contact(long contactId) {
    return RecordFinder.find(contacts(), contactId);
  }

  /** The agency's contacts (10,000 a page at most). */
  public SinceQuery<Contact> contacts() {
    return new SinceQuery<>(session.pages(), spec("contacts", Contact.class, 10_000));
  }

  /** Buyers' and tenants' searches. */
  public Query<Request> requests() {
    return new Query<>(session.pages(), spec("requests", Request.class, 1_000));
  }

  /** The agency's contracts (10,000 a page at most). */
  public SinceQuery<Contract> contracts() {
    return new SinceQuery<>(session.pages(), spec("contracts", Contract.class, 10_000));
  }

  /** Leads received by the agency. */
  public SinceQuery<Lead> leads() {
    return new SinceQuery<>(session.pages(), spec("leads", Lead.class, 1_000));
  }

  /** The agency's record, found in {@code GET /agencies} (Apimo has no call for one agency). */
  public Optional<Agency> details() {
    return Query.agencies(session).where(a -> a.id() == id).first();
  }

  /** As {@link #sendLead(NewLead)}, from {@code NewLead.of(lastname, email)...}. */
  public long sendLead(NewLead.Builder lead) {
    return sendLead(lead.build());
  }

  /** As {@link #createAction(NewAction)}, from {@code NewAction.of(user, date)...}. */
  public long createAction(NewAction.Builder action) {
    return createAction(action.build());
  }

  /** Sends a lead to the agency; returns the new lead's id. Validated first, never retried. */
  public long sendLead(NewLead lead) {
    return session.create(path() + "/leads", lead, lead.problems(), "send a lead to agency " + id);
  }

  /**
   * Creates an action (a call, a visit...) for one of the agency's users; returns its id. Never
   * retried.
   */
  public long createAction(NewAction action) {
    return session.create(
        path() + "/actions",
        action,
        action.problems(),
        "create an action for user " + action.user() + " of agency " + id);
  }

  /**
   * One of the agency's lists ({@code "users"}, {@code "properties"}, {@code "contacts"}, {@code
   * "requests"}, {@code "contracts"}, {@code "leads"}) with each record exactly as Apimo sent it,
   * paged like the typed query: what a snapshot stores.
   *
   * <pre>{@code Apimo.agency(14).raw("leads").first().map(RawRecord::text)}</pre>
   */
  public Query<RawRecord> raw(String resource) {
    Query<?> typed =
        switch (resource) {
          case "users" -> users();
          case "properties" -> properties();
          case "contacts" -> contacts();
          case "requests" -> requests();
          case "contracts" -> contracts();
          case "leads" -> leads();
          default ->
              throw new IllegalArgumentException(
                  "No list '"
                      + resource
                      + "' in an agency: users, properties, contacts, requests, contracts or"
                      + " leads");
        };
    return raw(typed.spec.endpoint());
  }

  /**
   * As {@link #raw(String)}, only what was created or updated at or after {@code since} (Apimo's
   * {@code timestamp}; properties, contacts, contracts and leads take it).
   */
  public Query<RawRecord> raw(String resource, Instant since) {
    Query<RawRecord> all = raw(resource);
    return all.with(all.spec.withParam("timestamp", Since.seconds(since)));
  }

  /** The agency's object as {@code GET /agencies} lists it, as Apimo sent it. */
  public Optional<RawRecord> rawDetails() {
    return raw(Query.agencies(session).spec.endpoint()).where(a -> a.id() == id).first();
  }

  static Query<RawRecord> raw(Session session, Endpoint<?> typed) {
    return new Query<>(
        session.pages(),
        QuerySpec.of(
            new Endpoint<>(typed.path(), typed.listKey(), RawRecord.class, typed.maxPageSize())));
  }

  private Query<RawRecord> raw(Endpoint<?> typed) {
    return raw(session, typed);
  }

  /** The client's plumbing behind this handle (HTTP session, pages, catalogs), for snapshots. */
  public Session session() {
    return session;
  }

  String path() {
    return "/agencies/" + id;
  }

  private <T> QuerySpec<T> spec(String resource, Class<T> type, int maxPageSize) {
    return QuerySpec.of(new Endpoint<>(path() + "/" + resource, resource, type, maxPageSize));
  }

  @Override
  public String toString() {
    return "Agency "
        + id
        + " (try .users(), .properties(), .contacts(), .actions(), .user(id).actions())";
  }
}
