package dev.apimoshell.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sun.net.httpserver.HttpServer;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.sandbox.SandboxOptions;
import dev.apimoshell.testing.LoopbackWireMock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connection's rate limit as a budget shared by every thread and every retry: starts spaced by
 * the interval whoever sends them, and a server enforcing the same rate never refuses one.
 */
class RateLimitTest {
  private static final String BODY = "{\"users\":[{\"id\":\"9\"}],\"total_items\":1}";

  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  private static ApimoConfig config(String baseUrl, double perSecond) {
    return ApimoConfig.of(baseUrl, "1234", "secret-token")
        .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5))
        .withRequestsPerSecond(perSecond);
  }

  /**
   * Runs {@code perThread} calls on each of {@code threads} threads at once; fails on any error.
   */
  private static void inParallel(int threads, int perThread, Consumer<Integer> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    call.accept(thread * perThread + i);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void parallelRequestsStartOneIntervalApartAndSayHowLongTheyWaited() throws Exception {
    wm.stubFor(get(urlPathMatching("/agencies/14/users")).willReturn(aResponse().withBody(BODY)));
    var http = new ApimoHttp(config(wm.baseUrl(), 50), null);
    List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    http.addListener(exchanges::add);

    inParallel(8, 5, i -> http.get("/agencies/14/users", Map.of("limit", 1, "offset", i)));

    long interval = RateLimiter.perSecond(50).interval().toNanos();
    List<Long> starts = exchanges.stream().map(Exchange::startNanos).sorted().toList();
    assertThat(starts).hasSize(40);
    for (int k = 1; k < starts.size(); k++) {
      assertThat(starts.get(k) - starts.get(k - 1))
          .as("gap between start %d and %d", k - 1, k)
          .isGreaterThanOrEqualTo(interval);
    }
    assertThat(exchanges).anySatisfy(e -> assertThat(e.limiterWait()).isPositive());
    assertThat(wm.getAllServeEvents()).hasSize(40);
  }

  @Test
  void anUnansweredRequestCountsAsReachingTheServerAtTheLatestArrival() {
    var throttle = RateLimiter.perSecond(20);
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i <= 20; i++) {
      starts.add(throttle.acquire().startNanos()); // never answered
    }

    Duration window = Duration.ofNanos(starts.get(20) - starts.get(0));
    assertThat(window)
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1).plus(RateLimiter.LATEST_ARRIVAL));
  }

  @Test
  void aRequestArrivesByTheMarginPlusHowMuchLongerThanTheQuickestItsAnswerTook() {
    long ms = 1_000_000L;
    long margin = RateLimiter.MARGIN.toNanos();

    assertThat(RateLimiter.arrival(0, 300 * ms, 300 * ms))
        .as("a distant server, slow to answer every request: only the margin")
        .isEqualTo(margin);
    assertThat(RateLimiter.arrival(0, 450 * ms, 300 * ms))
        .as("answered 150 ms later than usual: held up 150 ms on the way")
        .isEqualTo(margin + 150 * ms);
    assertThat(RateLimiter.arrival(1000 * ms, 1120 * ms, 2 * ms))
        .as("never after its answer came")
        .isEqualTo(1120 * ms);
    assertThat(RateLimiter.arrival(0, 5 * ms, 2 * ms)).isEqualTo(5 * ms);
  }

  @Test
  void theStartAWindowLaterWaitsForOneSecondAfterTheAnswer() throws Exception {
    var throttle = RateLimiter.perSecond(20);
    RateLimiter.Slot first = throttle.acquire();
    Thread.sleep(300); // a slow answer: the server may have counted it only now
    long answeredAfter = System.nanoTime();
    throttle.answered(first);
    for (int i = 1; i < 20; i++) {
      throttle.answered(throttle.acquire());
    }

    long twentyFirst = throttle.acquire().startNanos();

    assertThat(twentyFirst - answeredAfter).isGreaterThanOrEqualTo(1_000_000_000L);
    assertThat(twentyFirst - first.startNanos())
        .as("sooner than if it were never answered")
        .isLessThan(Duration.ofSeconds(1).plus(RateLimiter.LATEST_ARRIVAL).toNanos());
  }

  /**
   * A server that counts requests when its handler runs, and whose handler runs 200 ms late for
   * four of the first twenty (a busy machine, a pause) but on time for the twenty after them: the
   * limiter cannot know when a request arrived, so it waits for answers, and the server never sees
   * more than the rate in any second.
   */
  @Test
  void requestsThatReachTheServerLateStillKeepItsWindowUnderTheRate() throws Exception {
    List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger received = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          int n = received.getAndIncrement();
          if (n < 20 && n % 5 == 0) {
            sleep(200);
          }
          arrivals.add(System.nanoTime());
          byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      var http =
          new ApimoHttp(config("http://127.0.0.1:" + server.getAddress().getPort(), 20), null);

      inParallel(2, 20, i -> http.get("/agencies/14/users", Map.of("offset", i)));
    } finally {
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    List<Long> sorted = arrivals.stream().sorted().toList();
    assertThat(sorted).hasSize(40);
    for (int k = 20; k < sorted.size(); k++) {
      assertThat(sorted.get(k) - sorted.get(k - 20))
          .as("arrivals %d and %d: 21 requests in less than a second", k - 20, k)
          .isGreaterThanOrEqualTo(1_000_000_000L);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theLimiterOffLetsParallelRequestsStartTogether() throws Exception {
    wm.stubFor(get(urlPathMatching("/agencies/14/users")).willReturn(aResponse().withBody(BODY)));
    var http = new ApimoHttp(config(wm.baseUrl(), 0), null);
    List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    http.addListener(exchanges::add);

    inParallel(4, 2, i -> http.get("/agencies/14/users", Map.of("offset", i)));

    assertThat(exchanges).hasSize(8).allSatisfy(e -> assertThat(e.limiterWait()).isZero());
  }

  @Test
  void retriesTakeTheirSlotInTheBudget() throws Exception {
    // Each of 8 paths fails twice with 503, then answers: 24 attempts through one connection.
    for (int p = 0; p < 8; p++) {
      String scenario = "flaky-" + p;
      String path = "/agencies/14/users/" + p + "/actions";
      wm.stubFor(
          get(urlPathMatching(path))
              .inScenario(scenario)
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(aResponse().withStatus(503))
              .willSetStateTo("again"));
      wm.stubFor(
          get(urlPathMatching(path))
              .inScenario(scenario)
              .whenScenarioStateIs("again")
              .willReturn(aResponse().withStatus(503))
              .willSetStateTo("ok"));
      wm.stubFor(
          get(urlPathMatching(path))
              .inScenario(scenario)
              .whenScenarioStateIs("ok")
              .willReturn(aResponse().withBody("{\"actions\":[],\"total_items\":0}")));
    }
    var http = new ApimoHttp(config(wm.baseUrl(), 20), null);
    List<RetryWait> retries = Collections.synchronizedList(new ArrayList<>());
    http.addListener(
        new ExchangeListener() {
          @Override
          public void onExchange(Exchange exchange) {}

          @Override
          public void onRetry(RetryWait retry) {
            retries.add(retry);
          }
        });

    inParallel(8, 1, p -> http.get("/agencies/14/users/" + p + "/actions", Map.of()));

    assertThat(retries).hasSize(16);
    // The backoff is 1 ms: any longer wait is the budget's.
    assertThat(retries).anySatisfy(r -> assertThat(r.limiterWait()).isPositive());
    assertThat(retries)
        .allSatisfy(
            r ->
                assertThat(r.delay().minus(r.limiterWait()))
                    .isBetween(Duration.ZERO, Duration.ofMillis(5)));
    List<Long> arrivals =
        wm.getAllServeEvents().stream()
            .map(e -> e.getRequest())
            .map(LoggedRequest::getLoggedDate)
            .map(d -> d.getTime())
            .sorted()
            .toList();
    assertThat(arrivals).hasSize(24);
    // 24 starts at 20/s span 23 intervals (1.2 s); the first attempts alone span 0.4 s, and half
    // the budget's span leaves room for a late first arrival on a busy machine.
    long span = arrivals.get(23) - arrivals.get(0);
    assertThat(span).isGreaterThan(23 * RateLimiter.perSecond(20).interval().toMillis() / 2);
  }

  @Test
  void aClientAtTheSandboxsOwnRateIsNeverRefused() throws Exception {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withRateLimit(20))) {
      // No retries: a single 429 fails the test.
      var http =
          new ApimoHttp(
              ApimoConfig.of(sandbox.baseUrl(), sandbox.provider(), sandbox.token())
                  .withRetries(0, Duration.ofMillis(1), Duration.ofMillis(5))
                  .withRequestsPerSecond(20),
              null);

      inParallel(
          8,
          6,
          i ->
              assertThat(http.get("/agencies/14/users", Map.of("limit", 1, "offset", i)).status())
                  .isEqualTo(200));
    }
  }

  @Test
  void theSameLoadWithoutTheLimiterDrawsA429() throws Exception {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withRateLimit(20))) {
      var http =
          new ApimoHttp(
              ApimoConfig.of(sandbox.baseUrl(), sandbox.provider(), sandbox.token())
                  .withRetries(0, Duration.ofMillis(1), Duration.ofMillis(5))
                  .withRequestsPerSecond(0),
              null);
      AtomicReference<Throwable> refused = new AtomicReference<>();

      inParallel(
          8,
          6,
          i -> {
            Throwable t = catchThrowable(() -> http.get("/agencies/14/users", Map.of("limit", 1)));
            if (t != null) {
              refused.compareAndSet(null, t);
            }
          });

      assertThat(refused.get()).isInstanceOf(ApimoException.QuotaExceededException.class);
    }
  }

  @Test
  void anInterruptWhileQueuedCancelsTheRequestBeforeItIsSent() throws Exception {
    wm.stubFor(get(urlPathMatching("/agencies/14/users")).willReturn(aResponse().withBody(BODY)));
    var http = new ApimoHttp(config(wm.baseUrl(), 0.5), null);
    http.get("/agencies/14/users", Map.of()); // takes the slot: the next one waits 2.1 s
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread queued =
        new Thread(
            () -> {
              failure.set(catchThrowable(() -> http.get("/agencies/14/users", Map.of())));
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    queued.start();
    while (queued.getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }
    queued.interrupt();
    queued.join();

    assertThat(failure.get())
        .isInstanceOf(CancellationException.class)
        .hasMessageContaining("rate limit");
    assertThat(stillInterrupted.get()).isTrue();
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }
}
