import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.ApimoException;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rate limit as a budget, measured against the sandbox enforcing 10 requests/s with 300 ms of
 * latency: one request (as the first page that gives {@code total_items}), then 21 more from
 * {@code threads} threads through one client, as parallel paging sends them. Prints the elapsed
 * time against the floor (0.3 s + 21 starts at 10/s + 0.3 s = 2.6 s) and the 429s drawn (retries
 * off, so each one counts). Also runs 100 requests from 8 threads as sustained load, with the
 * limiter and without.
 *
 * <pre>
 * javac -d target/bench -cp target/classes bench/LimiterBench.java
 * java -cp target/bench:$(cat target/classpath.txt):target/classes LimiterBench
 * </pre>
 */
public class LimiterBench {
  public static void main(String[] args) throws Exception {
    try (Sandbox sandbox =
        Sandbox.start(SandboxOptions.defaults().withRateLimit(10).withLatencyMs(300))) {
      run(sandbox, "(warm-up, not a figure)", 10, 4, 21, true);
      for (int threads : new int[] {4, 8}) {
        run(sandbox, "22 pages, " + threads + " in flight, limiter 10/s", 10, threads, 21, true);
      }
      run(sandbox, "8 threads x 100 requests, limiter 10/s", 10, 8, 100, false);
      run(sandbox, "8 threads x 100 requests, limiter off", 0, 8, 100, false);
    }
  }

  private static void run(
      Sandbox sandbox, String name, double rate, int threads, int requests, boolean firstPage)
      throws Exception {
    Thread.sleep(1100); // a fresh one-second window for the sandbox
    var http =
        new ApimoHttp(
            ApimoConfig.of(sandbox.baseUrl(), sandbox.provider(), sandbox.token())
                .withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1))
                .withRequestsPerSecond(rate),
            null);
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    if (firstPage) {
      get(http, 0, refused);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                for (int i = next.incrementAndGet(); i <= requests; i = next.incrementAndGet()) {
                  get(http, i, refused);
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    String ratio =
        firstPage ? String.format(", elapsed / 2.6 s floor = %.2f", seconds / 2.6) : "";
    System.out.printf("%-40s %6.2f s%s, 429s: %d%n", name, seconds, ratio, refused.get());
  }

  private static void get(ApimoHttp http, int offset, AtomicInteger refused) {
    try {
      http.get("/agencies/14/users", Map.of("limit", 1, "offset", offset));
    } catch (ApimoException e) {
      refused.incrementAndGet();
    }
  }
}
