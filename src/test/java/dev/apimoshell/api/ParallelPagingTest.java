package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.model.User;
import dev.apimoshell.testing.LoopbackWireMock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ordered parallel paging against WireMock: pages answered out of order still come out in offset
 * order; a stream that stops (short-circuit, close, error, interrupt) starts no further request;
 * the window never holds more than {@code parallel} pages.
 */
class ParallelPagingTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  private ApimoClient client;

  @AfterEach
  void letCancelledRequestsSettle() throws InterruptedException {
    Fixtures.awaitQuiet(this::requests);
  }

  @BeforeEach
  void setUp() {
    client = Fixtures.client(wm.baseUrl());
  }

  // --- arrange

  /** {@code pages} pages of 10 users (ids from 1), page k answered after {@code delayMs(k)}. */
  private void usersInPagesOfTen(int pages, java.util.function.IntUnaryOperator delayMs) {
    long total = pages * 10L;
    for (int k = 0; k < pages; k++) {
      page(
          k * 10L,
          okJson(Fixtures.usersRange(total, k * 10L + 1, k * 10L + 10)),
          delayMs.applyAsInt(k));
    }
  }

  private void page(long offset, ResponseDefinitionBuilder answer, int delayMs) {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("limit", equalTo("10"))
            .withQueryParam("offset", equalTo(String.valueOf(offset)))
            .willReturn(answer.withFixedDelay(delayMs)));
  }

  private int requests() {
    return wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/users"))).size();
  }

  private List<Long> offsetsRequested() {
    return wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/users"))).stream()
        .map(r -> Long.parseLong(r.queryParameter("offset").firstValue()))
        .sorted()
        .toList();
  }

  private Query<User> users() {
    return client.agency(14).users().pageSize(10);
  }

  private static List<Long> ids(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  // --- order

  @Test
  void pagesAnsweredOutOfOrderAreDeliveredInOffsetOrder() {
    usersInPagesOfTen(8, k -> k == 0 ? 0 : 50 * (8 - k)); // the later the page, the sooner

    assertThat(users().parallel(4).stream().map(User::id).toList()).isEqualTo(ids(1, 80));
    assertThat(offsetsRequested()).containsExactly(0L, 10L, 20L, 30L, 40L, 50L, 60L, 70L);
  }

  @Test
  void parallelAndSequentialListsAreEqual() {
    usersInPagesOfTen(12, k -> (k * 37) % 5 * 20);

    List<User> sequential = users().parallel(1).list();
    List<User> parallel = users().parallel(8).list();

    assertThat(parallel).isEqualTo(sequential).hasSize(120);
  }

  @Test
  void theWindowNeverHoldsMoreThanParallelPages() {
    usersInPagesOfTen(20, k -> k % 3 * 10);
    var query = users().parallel(3);
    var pager = new Pager<>(query.fetcher, query.spec, -1, true);

    long count = 0;
    while (pager.hasNext()) {
      pager.next();
      count++;
    }

    assertThat(count).isEqualTo(200);
    assertThat(pager.highWater()).isEqualTo(3);
  }

  @Test
  void withoutATotalPagesAreReadOneAhead() {
    for (int k = 0; k < 5; k++) {
      String users =
          LongStream.rangeClosed(k * 10L + 1, k * 10L + (k == 4 ? 5 : 10))
              .mapToObj(Fixtures::user)
              .collect(java.util.stream.Collectors.joining(",", "{\"users\":[", "]}"));
      page(k * 10L, okJson(users), 0);
    }
    var query = users().parallel(8);
    var pager = new Pager<>(query.fetcher, query.spec, -1, true);

    var seen = new ArrayList<User>();
    pager.forEachRemaining(seen::add);

    assertThat(seen).extracting(User::id).isEqualTo(ids(1, 45));
    assertThat(pager.highWater()).isEqualTo(1);
  }

  @Test
  void recordsRepeatedAcrossParallelPagesAreDeliveredOnce() {
    page(0, okJson(Fixtures.users(40, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)), 0);
    page(10, okJson(Fixtures.users(40, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18)), 100);
    page(20, okJson(Fixtures.users(40, 3, 19, 20, 21, 22, 23, 24, 25, 26, 27)), 0);
    page(30, okJson(Fixtures.users(40, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37)), 50);

    assertThat(users().parallel(4).list()).extracting(User::id).isEqualTo(ids(1, 37));
  }

  // --- cost

  @Test
  void limitNeverAsksBeyondItsRecords() {
    usersInPagesOfTen(10, k -> 0);
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("limit", equalTo("5"))
            .withQueryParam("offset", equalTo("30"))
            .willReturn(okJson(Fixtures.usersRange(100, 31, 35))));

    assertThat(users().parallel(8).limit(35).list()).extracting(User::id).isEqualTo(ids(1, 35));
    assertThat(
            wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/users"))).stream()
                .map(
                    r ->
                        r.queryParameter("offset").firstValue()
                            + "+"
                            + r.queryParameter("limit").firstValue())
                .sorted()
                .toList())
        .containsExactly("0+10", "10+10", "20+10", "30+5");
  }

  @Test
  void firstAndCountStillCostOneRequest() {
    usersInPagesOfTen(10, k -> 0);
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("limit", equalTo("1"))
            .willReturn(okJson(Fixtures.users(100, 1))));

    assertThat(users().parallel(8).first()).get().extracting(User::id).isEqualTo(1L);
    assertThat(users().parallel(8).count()).isEqualTo(100);
    try (Stream<User> all = users().parallel(8).stream()) {
      assertThat(all.findFirst()).isPresent();
    }
    assertThat(requests()).isEqualTo(3);
  }

  // --- stopping

  @Test
  void noRequestStartsAfterAShortCircuit() throws InterruptedException {
    usersInPagesOfTen(30, k -> 20);

    assertThat(users().parallel(4).where(u -> u.id() == 25).first())
        .get()
        .extracting(User::id)
        .isEqualTo(25L);
    Fixtures.awaitQuiet(this::requests);
    int afterFirst = requests();
    Thread.sleep(300);

    // page 1 alone, pages 2-5 at once, then one more as each of pages 2 and 3 is taken
    assertThat(afterFirst).isLessThanOrEqualTo(7);
    assertThat(requests()).isEqualTo(afterFirst);
  }

  @Test
  void closingTheStreamCancelsThePagesInFlight() throws InterruptedException {
    usersInPagesOfTen(30, k -> k == 0 ? 0 : 10_000);

    Stream<User> all = users().parallel(4).stream();
    var iterator = all.iterator();
    for (int i = 0; i < 10; i++) {
      iterator.next();
    }
    Thread reader = // asks for page 2: pages 2-5 start; closing the stream fails its wait
        new Thread(
            () -> {
              try {
                iterator.hasNext();
              } catch (CancellationException expected) {
                // the stream was closed under it
              }
            });
    reader.setDaemon(true);
    reader.start();
    while (requests() < 5) {
      Thread.sleep(10);
    }
    all.close();
    Fixtures.awaitQuiet(this::requests);

    assertThat(requests()).isEqualTo(5);
  }

  @Test
  void anInterruptCancelsThePagesInFlight() throws Exception {
    usersInPagesOfTen(30, k -> k == 0 ? 0 : 30_000);
    var failure = new AtomicReference<Throwable>();
    Thread worker =
        new Thread(
            () -> {
              try {
                users().parallel(4).list();
              } catch (Throwable t) {
                failure.set(t);
              }
            });

    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          worker.start();
          while (requests() < 5) {
            Thread.sleep(10);
          }
          worker.interrupt();
          worker.join();
        });
    Fixtures.awaitQuiet(this::requests);

    assertThat(failure.get()).isInstanceOf(CancellationException.class);
    assertThat(requests()).isEqualTo(5);
  }

  @Test
  void aFailureInTheWindowStopsAtItsOffsetWithNothingAfterIt() {
    usersInPagesOfTen(8, k -> k == 0 ? 0 : 30 * (8 - k)); // pages after the failure come first
    page(30, serverError(), 200);
    var delivered = new ArrayList<Long>();

    assertThatThrownBy(() -> users().parallel(4).stream().forEach(u -> delivered.add(u.id())))
        .isInstanceOfSatisfying(
            IncompleteStreamException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(30);
              assertThat(e.delivered()).isEqualTo(30);
              assertThat(e).hasMessageContaining(".offset(30)");
            });
    assertThat(delivered).isEqualTo(ids(1, 30));
  }

  @Test
  void parallelIsCheckedAndKeptByEveryQueryType() {
    assertThatThrownBy(() -> users().parallel(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1");
    ActionQuery typed = client.agency(14).user(9).actions().parallel(2).type(3);
    assertThat(typed.spec.parallel()).isEqualTo(2);
    assertThat(client.parallel(6).parallel()).isEqualTo(6);
    assertThat(users().spec.parallel()).isZero(); // 0: the client's setting
  }

  @Test
  void everyUsersActionsStopAtAFailureNamingTheUserToResumeFrom() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson(Fixtures.users(3, 7, 8, 9))));
    actionsPage(7, 0, okJson(actions(3, 1, 2)));
    actionsPage(7, 2, okJson(actions(3, 3)));
    actionsPage(8, 0, serverError());
    actionsPage(9, 0, okJson(actions(1, 10)));
    var delivered = new ArrayList<Long>();

    assertThatThrownBy(
            () ->
                client.agency(14).actions().pageSize(2).stream()
                    .forEach(a -> delivered.add(a.id())))
        .isInstanceOfSatisfying(
            IncompleteStreamException.class,
            e -> {
              assertThat(e.delivered()).isEqualTo(3);
              assertThat(e).hasMessageContaining(".fromUser(8)");
            });
    assertThat(delivered).containsExactly(1L, 2L, 3L);
  }

  private void actionsPage(long user, long offset, ResponseDefinitionBuilder answer) {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users/" + user + "/actions"))
            .withQueryParam("offset", equalTo(String.valueOf(offset)))
            .willReturn(answer));
  }

  private static String actions(long total, long... ids) {
    return LongStream.of(ids)
        .mapToObj(id -> Fixtures.action(id, 1))
        .collect(
            java.util.stream.Collectors.joining(
                ",", "{\"actions\":[", "],\"total_items\":" + total + "}"));
  }
}
