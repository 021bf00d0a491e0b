package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.LocalDateTime;

/**
 * A user's actions (calls, e-mails, visits, ...), oldest first, spread from the user's creation to
 * the sandbox's "now".
 *
 * <p>Types follow a per-user pattern of {@value #BLOCK} codes repeated block after block (shuffled
 * per user, weighted towards calls and e-mails). That makes the {@code type} filter O(1): the
 * number of actions of a type and the index of the k-th one are arithmetic, not a scan, even for
 * the million actions of scale 100.
 */
final class ActionGenerator {

  static final int BLOCK = 20;

  /** How many of each action_type code (1 call .. 7 letter) one block holds. */
  private static final int[] WEIGHTS = {6, 5, 3, 2, 2, 1, 1};

  private final long seed;
  private final int scale;
  private final UserGenerator users;
  private final int[] referrals;

  ActionGenerator(long seed, int scale, UserGenerator users, Catalogs catalogs) {
    this.seed = seed;
    this.scale = scale;
    this.users = users;
    this.referrals = catalogs.codes("referral");
  }

  long count(AgencySpec agency) {
    return agency.actionsPerUser(scale);
  }

  /** All of a user's actions, or only those of one type. */
  Matches matches(AgencySpec agency, long userIndex, Integer type) {
    long size = count(agency);
    if (type == null) {
      return Matches.all(size);
    }
    int[] pattern = pattern(agency, userIndex);
    int[] positions =
        java.util.stream.IntStream.range(0, BLOCK).filter(p -> pattern[p] == type).toArray();
    return new Matches() {
      @Override
      public long count() {
        long full = size / BLOCK * positions.length;
        long rest = java.util.Arrays.stream(positions).filter(p -> p < size % BLOCK).count();
        return full + rest;
      }

      @Override
      public long[] slice(long from, int max) {
        int n = (int) Math.max(0, Math.min(max, count() - from));
        long[] indices = new long[n];
        for (int i = 0; i < n; i++) {
          long rank = from + i;
          indices[i] = rank / positions.length * BLOCK + positions[(int) (rank % positions.length)];
        }
        return indices;
      }
    };
  }

  private int[] pattern(AgencySpec agency, long userIndex) {
    int[] pattern = new int[BLOCK];
    int p = 0;
    for (int type = 0; type < WEIGHTS.length; type++) {
      for (int w = 0; w < WEIGHTS[type]; w++) {
        pattern[p++] = type + 1;
      }
    }
    Rng rng = Rng.of(seed, agency.id(), Rng.Kind.ACTION_PATTERN, userIndex);
    for (int i = BLOCK - 1; i > 0; i--) {
      int j = rng.between(0, i);
      int swap = pattern[i];
      pattern[i] = pattern[j];
      pattern[j] = swap;
    }
    return pattern;
  }

  /** Writes every action of a page for one user; the user's pattern and dates are computed once. */
  Listing.RecordWriter writer(AgencySpec agency, long userIndex) {
    UserGenerator.User user = users.user(agency, userIndex);
    int[] pattern = pattern(agency, userIndex);
    long size = count(agency);
    long slot = Math.max(1, (Dates.NOW - user.created()) / Math.max(1, size));
    return (g, index) ->
        write(
            g,
            agency,
            user,
            pattern[(int) (index % BLOCK)],
            user.created() + index * slot,
            slot,
            index);
  }

  private void write(
      JsonGenerator g,
      AgencySpec agency,
      UserGenerator.User user,
      int type,
      long slotStart,
      long slot,
      long index)
      throws IOException {
    Rng rng = Rng.of(seed, user.id(), Rng.Kind.ACTION, index);
    LocalDateTime day = Dates.local(slotStart + rng.between(0L, slot - 1));
    LocalDateTime start =
        day.withHour(rng.between(8, 19))
            .withMinute(rng.between(0, 59))
            .withSecond(rng.between(0, 59));
    LocalDateTime end = start.plusMinutes(rng.between(5, 120));
    if (!end.toLocalDate().equals(start.toLocalDate())) {
      end = start.withHour(23).withMinute(59).withSecond(59);
    }
    long created = Dates.epoch(start);
    long updated =
        rng.chance(0.7) ? created : Math.min(Dates.NOW, created + rng.between(60L, 90 * 86_400L));
    g.writeStartObject();
    Json.idField(g, "id", user.id() * 10_000_000L + index + 1);
    Json.idField(g, "type", (long) type);
    Json.idField(g, "user", user.id());
    Json.idField(
        g,
        "contact",
        rng.chance(0.1)
            ? null
            : agency.recordId(Rng.Kind.CONTACT, rng.between(0L, agency.contacts(scale) - 1)));
    g.writeStringField("date", Dates.DATE.format(start));
    g.writeStringField("time_start", Dates.TIME.format(start));
    g.writeStringField("time_end", type == 5 ? null : Dates.TIME.format(end));
    g.writeStringField("subject", rng.pick(Vocabulary.SUBJECTS));
    g.writeStringField("content", rng.chance(0.1) ? null : rng.pick(Vocabulary.CONTENTS));
    if (rng.chance(0.4)) {
      g.writeNullField("properties");
    } else {
      g.writeObjectFieldStart("properties");
      Json.idField(
          g,
          "id",
          agency.recordId(Rng.Kind.PROPERTY, rng.between(0L, agency.properties(scale) - 1)));
      g.writeStringField(
          "report", rng.chance(0.8) ? null : "Le client a apprécié le séjour, moins la cuisine.");
      Json.idField(g, "price", rng.between(150L, 4_000L) * 1000);
      g.writeStringField("currency", "EUR");
      g.writeStringField("rating", rng.chance(0.7) ? null : String.valueOf(rng.between(1, 5)));
      g.writeStringField(
          "assessment", rng.chance(0.9) ? null : "Prix un peu élevé, \"à négocier\"");
      g.writeEndObject();
    }
    Json.idField(g, "referral", rng.chance(0.6) ? null : (long) rng.pick(referrals));
    g.writeStringField("subreferral", rng.chance(0.9) ? null : "Salon de l'immobilier");
    g.writeStringField("created_at", Dates.dateTime(created));
    g.writeStringField("updated_at", Dates.dateTime(updated));
    g.writeEndObject();
  }
}
