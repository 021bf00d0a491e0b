package dev.apimoshell.sandbox;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Randomness tied to one record: built from (seed, agency, kind, index), so any record can be
 * regenerated alone, in any order, without keeping the others in memory.
 */
final class Rng {

  private final SplittableRandom random;

  private Rng(long state) {
    this.random = new SplittableRandom(state);
  }

  static Rng of(long seed, long agency, Kind kind, long index) {
    return new Rng(hash(seed, agency, kind.ordinal(), index));
  }

  /** A stable 64-bit hash of a few longs (SplitMix64 finaliser applied per part). */
  static long hash(long... parts) {
    long h = 0x9E3779B97F4A7C15L;
    for (long part : parts) {
      h = mix(h ^ mix(part + 0x632BE59BD9B4E019L));
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  int between(int min, int maxInclusive) {
    return random.nextInt(min, maxInclusive + 1);
  }

  long between(long min, long maxInclusive) {
    return random.nextLong(min, maxInclusive + 1);
  }

  /** True with the given probability (0..1). */
  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  int pick(int[] values) {
    return values[random.nextInt(values.length)];
  }

  /** The kinds of generated records; part of every record's hash. */
  enum Kind {
    AGENCY,
    USER,
    ACTION,
    ACTION_PATTERN,
    CONTACT,
    PROPERTY,
    REQUEST,
    CONTRACT,
    LEAD
  }
}
