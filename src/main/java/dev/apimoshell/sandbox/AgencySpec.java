package dev.apimoshell.sandbox;

/**
 * One sandbox agency and how many records of each kind it has at scale 1. Users are not scaled (an
 * agency has tens of agents, not thousands); every other count is multiplied by the scale.
 *
 * @param userIdBase user ids are {@code userIdBase + 1 .. userIdBase + users}
 * @param cityIndex index of the agency's home town in {@link Vocabulary#CITIES}
 */
record AgencySpec(
    int id,
    String name,
    int cityIndex,
    boolean linked,
    long userIdBase,
    int users,
    int contacts,
    int properties,
    int requests,
    int contracts,
    int leads,
    int actionsPerUser) {

  long contacts(int scale) {
    return (long) contacts * scale;
  }

  long properties(int scale) {
    return (long) properties * scale;
  }

  long requests(int scale) {
    return (long) requests * scale;
  }

  long contracts(int scale) {
    return (long) contracts * scale;
  }

  long leads(int scale) {
    return (long) leads * scale;
  }

  long actionsPerUser(int scale) {
    return (long) actionsPerUser * scale;
  }

  long userId(long index) {
    return userIdBase + index + 1;
  }

  /** The user's index, or -1 when the id is not one of this agency's users. */
  long userIndex(long userId) {
    long index = userId - userIdBase - 1;
    return index >= 0 && index < users ? index : -1;
  }

  /** Record ids, unique across agencies and kinds: agency 14's first contact is 4140000001. */
  long recordId(Rng.Kind kind, long index) {
    return kind.ordinal() * 1_000_000_000L + id * 10_000_000L + index + 1;
  }

  /** The record's index, or -1 when the id is not one of this agency's records of that kind. */
  long recordIndex(Rng.Kind kind, long recordId, long count) {
    long index = recordId - kind.ordinal() * 1_000_000_000L - id * 10_000_000L - 1;
    return index >= 0 && index < count ? index : -1;
  }
}
