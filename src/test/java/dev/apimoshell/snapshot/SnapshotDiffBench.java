package dev.apimoshell.snapshot;

import dev.apimoshell.internal.snapshot.Resource;
import dev.apimoshell.internal.snapshot.SnapshotFolder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a diff of two action files costs, as ratios to reading both files in the same run, and the
 * heap the older side's index holds. Not a test:
 *
 * <pre>{@code
 * java -XX:+UseSerialGC -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.apimoshell.snapshot.SnapshotDiffBench [records] [rounds]
 * }</pre>
 */
final class SnapshotDiffBench {
  private SnapshotDiffBench() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("diff-bench");
    Path before = write(dir.resolve("before"), n, false);
    Path after = write(dir.resolve("after"), n, true);

    long heap = usedAfterGc();
    try (RecordIndex index = RecordIndex.of(before.resolve(Resource.ACTIONS.fileName()))) {
      long held = usedAfterGc() - heap;
      System.out.printf(
          "index of %,d actions: %,d bytes (%d bytes a record), %d unmatched%n",
          n, held, held / n, index.unmatched().size());
    }
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      long read = 0;
      for (Path side : List.of(before, after)) {
        try (var records = SnapshotFolder.open(side).records(Resource.ACTIONS)) {
          read += records.count();
        }
      }
      long parse = System.nanoTime() - start;
      start = System.nanoTime();
      SnapshotDiff diff = Snapshot.diff(before, after);
      long compare = System.nanoTime() - start;
      System.out.printf(
          "round %d: read both %d ms (%,d records), diff %d ms (%,d changes): diff/read %.2f%n",
          round,
          parse / 1_000_000,
          read,
          compare / 1_000_000,
          diff.size(),
          (double) compare / parse);
    }
    for (Path side : List.of(before, after)) {
      try (var files = Files.list(side)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(side);
    }
    Files.delete(dir);
  }

  /** {@code n} actions shaped like Apimo's; on the newer side one in a thousand has a new price. */
  private static Path write(Path folder, int n, boolean newer) throws IOException {
    SnapshotFixture.of(14).with(Resource.ACTIONS).write(folder);
    try (BufferedWriter out =
        Files.newBufferedWriter(folder.resolve(Resource.ACTIONS.fileName()))) {
      for (long i = 1; i <= n; i++) {
        String price = newer && i % 1000 == 0 ? "2700000" : "2600000";
        out.write(
            "{\"id\":\""
                + (19_000_000 + i * 7)
                + "\",\"type\":\"2\",\"user\":\"1234\",\"contact\":\"8520201\","
                + "\"date\":\"2018-09-11\",\"subject\":\"More details on a new property\","
                + "\"properties\":{\"id\":\"233030\",\"report\":null,\"price\":\""
                + price
                + "\",\"currency\":\"EUR\"},\"referral\":null,"
                + "\"created_at\":\"2018-09-11 14:43:20\"}\n");
      }
    }
    return folder;
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
