package dev.apimoshell.api;

import java.util.HashSet;
import java.util.Random;
import java.util.function.LongPredicate;

/**
 * The heap and time a {@link SeenIds} of 1M ids costs, against a {@code HashSet<Long>}. Not a test;
 * run each case in its own JVM for a clean heap:
 *
 * <pre>{@code
 * java -XX:+UseSerialGC -cp target/classes:target/test-classes \
 *     dev.apimoshell.api.SeenIdsBench seen|hashset sequential|random [count]
 * }</pre>
 */
final class SeenIdsBench {
  private SeenIdsBench() {}

  public static void main(String[] args) {
    boolean seenIds = args[0].equals("seen");
    boolean random = args[1].equals("random");
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    long[] ids = random ? new Random(1).longs(n, 1, 1L << 40).toArray() : new long[0];

    long before = usedAfterGc();
    long start = System.nanoTime();
    LongPredicate add;
    Object set;
    if (seenIds) {
      var seen = new SeenIds(SeenIds.DEFAULT_CAPACITY);
      add = seen::add;
      set = seen;
    } else {
      var hash = new HashSet<Long>();
      add = hash::add;
      set = hash;
    }
    for (int i = 0; i < n; i++) {
      add.test(random ? ids[i] : i + 1L);
    }
    long nanos = System.nanoTime() - start;
    long used = usedAfterGc() - before;
    System.out.printf(
        "%s, %s: %,d ids, %,d bytes retained (%.1f bytes/id), %,d ms (%s)%n",
        args[0], args[1], n, used, (double) used / n, nanos / 1_000_000, set.getClass().getName());
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
