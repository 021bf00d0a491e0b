package dev.apimoshell.sandbox;

import java.util.function.LongPredicate;

/**
 * The generated records a list request selects, addressed by rank among the matches. Nothing is
 * materialised: an unfiltered list is an index range, a filtered one is a lazy scan over indices
 * (cheap, because filters look only at a few facts of each record).
 */
interface Matches {

  long count();

  /** Indices of the matches ranked {@code from .. from + max - 1} (fewer at the end). */
  long[] slice(long from, int max);

  static Matches all(long size) {
    return new Matches() {
      @Override
      public long count() {
        return size;
      }

      @Override
      public long[] slice(long from, int max) {
        int n = (int) Math.max(0, Math.min(max, size - from));
        long[] indices = new long[n];
        for (int i = 0; i < n; i++) {
          indices[i] = from + i;
        }
        return indices;
      }
    };
  }

  static Matches scan(long size, LongPredicate matches) {
    return new Matches() {
      @Override
      public long count() {
        long count = 0;
        for (long i = 0; i < size; i++) {
          if (matches.test(i)) {
            count++;
          }
        }
        return count;
      }

      @Override
      public long[] slice(long from, int max) {
        long[] found = new long[max];
        int n = 0;
        long rank = 0;
        for (long i = 0; i < size && n < max; i++) {
          if (matches.test(i) && rank++ >= from) {
            found[n++] = i;
          }
        }
        return java.util.Arrays.copyOf(found, n);
      }
    };
  }
}
