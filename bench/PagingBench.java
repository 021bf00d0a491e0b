import dev.apimoshell.ApimoClient;
import dev.apimoshell.api.ActionQuery;
import dev.apimoshell.internal.client.CatalogCache;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.Exchange;
import dev.apimoshell.http.ExchangeListener;
import dev.apimoshell.http.RetryWait;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ordered parallel paging against an embedded sandbox, measured as ratios within one run (issue
 * 12). Prints what it measured, then one {@code BENCH} line: name, ratio, target, command.
 *
 * <ul>
 *   <li>{@code rate}: 22 pages of 150 actions, 300 ms latency, a server refusing more than 10
 *       requests a second, the client's limiter at 10/s: elapsed over the floor (first page alone,
 *       then 21 request starts at 10/s, then the last answer: 2.6 s), and the 429s seen.
 *   <li>{@code bulk}: 200 pages of 50 actions exported to CSV, 50 ms latency, no limiter: one page
 *       ahead ({@code parallel(1)}) over eight in flight ({@code parallel(8)}), and whether the two
 *       files are byte for byte the same.
 * </ul>
 */
public final class PagingBench {
  private static final AtomicInteger tooMany = new AtomicInteger();

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "rate";
    switch (which) {
      case "rate" -> rate();
      case "bulk" -> bulk(Path.of(args.length > 1 ? args[1] : "target/bench"));
      default -> throw new IllegalArgumentException("usage: PagingBench rate|bulk [dir]");
    }
  }

  private static void rate() throws Exception {
    long latencyMs = 300;
    double perSecond = 10;
    // Agency 14 has 250 actions per user at scale 1: scale 13 gives 3,250, 22 pages of 150.
    var options = SandboxOptions.defaults().withLatencyMs(latencyMs).withRateLimit(10).withScale(13);
    try (Sandbox sandbox = Sandbox.start(options)) {
      ApimoClient client = client(sandbox, perSecond);
      warmUp(client.agency(14).user(2).actions());
      ActionQuery actions = client.agency(14).user(1).actions().pageSize(150);
      long total = actions.count();
      long pages = (total + 149) / 150;
      Thread.sleep(1_200); // a fresh second on the server, no debt on the client's limiter

      tooMany.set(0);
      double parallel = seconds(() -> consume(actions.parallel(4)));
      int parallel429 = tooMany.get();
      Thread.sleep(1_200);
      tooMany.set(0);
      double sequential = seconds(() -> consume(actions.parallel(1)));
      int sequential429 = tooMany.get();

      double floor = 2 * latencyMs / 1000.0 + (pages - 2) / perSecond;
      double ratio = parallel / floor;
      System.out.printf(
          Locale.ROOT,
          "%d actions in %d pages of 150, latency %d ms, server limit 10/s, client limiter %.0f/s%n"
              + "floor (first page, %d starts at %.0f/s, last answer): %.2f s%n"
              + "parallel(4): %.2f s (%.2f x floor), %d x 429%n"
              + "parallel(1), one page ahead as before: %.2f s (%.2f x floor), %d x 429%n",
          total, pages, latencyMs, perSecond, pages - 1, perSecond, floor, parallel, ratio,
          parallel429, sequential, sequential / floor, sequential429);
      System.out.printf(
          Locale.ROOT,
          "BENCH\tpaging-22-pages-rate-limited\t%.2f (%d x 429)\t<= 1.15, zero 429\tbench/paging rate%n",
          ratio,
          parallel429);
    }
  }

  private static void bulk(Path dir) throws Exception {
    Files.createDirectories(dir);
    // 250 actions per user at scale 1: scale 40 gives 10,000, 200 pages of 50.
    var options = SandboxOptions.defaults().withLatencyMs(50).withScale(40);
    try (Sandbox sandbox = Sandbox.start(options)) {
      ApimoClient client = client(sandbox, 0);
      Path one = dir.resolve("paging-parallel-1.csv");
      Path eight = dir.resolve("paging-parallel-8.csv");
      ActionQuery actions = client.agency(14).user(1).actions().pageSize(50);
      client.agency(14).user(2).actions().pageSize(50).parallel(8).export(eight.toString());

      double sequential = seconds(() -> actions.parallel(1).export(one.toString()));
      double parallel = seconds(() -> actions.parallel(8).export(eight.toString()));
      boolean same = Arrays.equals(Files.readAllBytes(one), Files.readAllBytes(eight));
      double ratio = sequential / parallel;
      System.out.printf(
          Locale.ROOT,
          "%d actions in pages of 50, latency 50 ms, no limiter, to CSV (%,d bytes)%n"
              + "parallel(1), one page ahead as before: %.2f s%n"
              + "parallel(8): %.2f s%n"
              + "files identical: %s%n",
          actions.count(), Files.size(one), sequential, parallel, same);
      System.out.printf(
          Locale.ROOT,
          "BENCH\tpaging-200-pages-sequential-over-parallel-8\t%.2f (%s)\t>= 5, identical\tbench/paging bulk%n",
          ratio,
          same ? "identical" : "DIFFERENT");
      Files.delete(one);
      Files.delete(eight);
    }
  }

  private static ApimoClient client(Sandbox sandbox, double perSecond) {
    ApimoClient client =
        ApimoClient.connect(
            ApimoConfig.of(sandbox.baseUrl(), sandbox.provider(), sandbox.token())
                .withRequestsPerSecond(perSecond),
            CatalogCache.none());
    client
        .http()
        .addListener(
            new ExchangeListener() {
              @Override
              public void onExchange(Exchange exchange) {
                if (exchange.status() == 429) {
                  tooMany.incrementAndGet();
                }
              }

              @Override
              public void onRetry(RetryWait retry) {
                if (retry.reason().contains("429")) {
                  tooMany.incrementAndGet();
                }
              }
            });
    return client;
  }

  /** Loads the classes and opens the connection on another query. */
  private static void warmUp(ActionQuery other) {
    other.pageSize(150).limit(300).parallel(2).list();
  }

  private static void consume(ActionQuery query) {
    long[] n = {0};
    query.stream().forEach(a -> n[0]++);
  }

  private static double seconds(ThrowingRunnable run) throws Exception {
    long start = System.nanoTime();
    run.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
