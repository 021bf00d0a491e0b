package dev.apimoshell.sandbox;

/**
 * When a generated record was created and last updated (UNIX seconds). Drawn first from the
 * record's {@link Rng}, so a {@code timestamp} filter can compute them without generating the whole
 * record. Creation dates grow with the index, spread from {@link Dates#ORIGIN} to {@link
 * Dates#NOW}.
 */
record Stamps(long created, long updated) {

  static Stamps draw(Rng rng, long index, long count) {
    long span = (Dates.NOW - Dates.ORIGIN) / Math.max(1, count);
    long created = Dates.ORIGIN + index * span + rng.between(0L, Math.max(0, span - 1));
    long updated = rng.chance(0.4) ? created : rng.between(created, Dates.NOW);
    return new Stamps(created, updated);
  }

  /** Apimo's {@code timestamp} filter: created or updated at or after that moment. */
  boolean since(long epochSecond) {
    return created >= epochSecond || updated >= epochSecond;
  }
}
