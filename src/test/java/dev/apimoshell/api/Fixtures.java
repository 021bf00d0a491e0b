package dev.apimoshell.api;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoConfig;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Test data shaped like Apimo's, and a client tuned for tests (no throttle, millisecond retries).
 */
final class Fixtures {
  static final String PROVIDER = "1234";
  static final String TOKEN = "t0k3n-very-secret";

  private Fixtures() {}

  static ApimoClient client(String baseUrl) {
    return ApimoClient.connect(config(baseUrl));
  }

  static ApimoConfig config(String baseUrl) {
    return ApimoConfig.of(baseUrl, PROVIDER, TOKEN)
        .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5))
        .withRequestsPerSecond(0);
  }

  static String user(long id) {
    return "{\"id\":\""
        + id
        + "\",\"agency\":\"14\",\"active\":"
        + (id % 2 == 0 ? "\"0\"" : "true")
        + ",\"created_at\":\"2020-01-01"
        + " 10:00:00\",\"firstname\":\"Hélène\",\"lastname\":\"D'Artagnan "
        + id
        + "\"}";
  }

  static String users(long total, long... ids) {
    return "{\"users\":["
        + LongStream.of(ids).mapToObj(Fixtures::user).collect(Collectors.joining(","))
        + "],\"total_items\":"
        + total
        + "}";
  }

  static String usersRange(long total, long fromId, long toIdInclusive) {
    return users(total, LongStream.rangeClosed(fromId, toIdInclusive).toArray());
  }

  static String action(long id, int type) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\""
        + type
        + "\",\"user\":\"9\",\"date\":\"2018-09-11\"}";
  }

  /**
   * Waits until {@code count} stops changing for 150 ms (3 s at most): requests already sent by
   * pages read ahead and cancelled may still be on their way to the server.
   */
  static void awaitQuiet(java.util.function.IntSupplier count) throws InterruptedException {
    long deadline = System.nanoTime() + 3_000_000_000L;
    int before = -1;
    int now = count.getAsInt();
    while (now != before && System.nanoTime() < deadline) {
      Thread.sleep(150);
      before = now;
      now = count.getAsInt();
    }
  }
}
