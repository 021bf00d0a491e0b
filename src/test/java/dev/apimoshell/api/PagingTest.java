package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.internal.client.PageFetcher;
import dev.apimoshell.model.Action;
import dev.apimoshell.model.Page;
import dev.apimoshell.model.User;
import dev.apimoshell.testing.LoopbackWireMock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PagingTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  private ApimoClient client;

  /**
   * Lets requests cancelled by a stream that stopped early (pages read ahead) reach the server
   * before the next test counts requests.
   */
  @AfterEach
  void letCancelledRequestsSettle() throws InterruptedException {
    Fixtures.awaitQuiet(() -> userRequests().size());
  }

  @BeforeEach
  void setUp() {
    client = Fixtures.client(wm.baseUrl());
  }

  private void stubUsersPage(int limit, int offset, String body) {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("limit", equalTo(String.valueOf(limit)))
            .withQueryParam("offset", equalTo(String.valueOf(offset)))
            .willReturn(okJson(body)));
  }

  private List<LoggedRequest> userRequests() {
    return wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/users")));
  }

  @Test
  void threePagesAreRequestedWithTheRightOffsetsAndLimits() {
    stubUsersPage(2, 0, Fixtures.users(5, 1, 2));
    stubUsersPage(2, 2, Fixtures.users(5, 3, 4));
    stubUsersPage(2, 4, Fixtures.users(5, 5));

    List<User> users = client.agency(14).users().pageSize(2).list();

    assertThat(users).extracting(User::id).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(userRequests()) // pages 2 and 3 are fetched at once
        .extracting(r -> r.queryParameter("offset").firstValue())
        .containsExactlyInAnyOrder("0", "2", "4");
    assertThat(userRequests())
        .extracting(r -> r.queryParameter("limit").firstValue())
        .containsOnly("2");
  }

  @Test
  void warmingUpTheReadersSendsNothingAndPagesDecodeAsBefore() {
    stubUsersPage(2, 0, Fixtures.users(2, 1, 2));
    List<User> before = client.agency(14).users().pageSize(2).list();
    wm.resetRequests();

    PageFetcher.warmUp(List.of(User.class, Action.class, Page.class, String.class));

    assertThat(wm.getAllServeEvents()).isEmpty();
    assertThat(client.agency(14).users().pageSize(2).list()).isEqualTo(before);
  }

  @Test
  void buildingAQuerySendsNothing() {
    client.agency(14).users().where(User::active).limit(3).offset(2).pageSize(5);
    client.agency(14).user(9).actions().type(2);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void firstAndFindFirstMakeExactlyOneRequest() {
    stubUsersPage(1, 0, Fixtures.users(25_000, 1));
    stubUsersPage(10_000, 0, Fixtures.usersRange(25_000, 1, 50));

    assertThat(client.agency(14).users().first()).get().extracting(User::id).isEqualTo(1L);
    assertThat(userRequests()).hasSize(1);

    wm.resetRequests();
    assertThat(client.agency(14).users().stream().findFirst()).isPresent();
    assertThat(userRequests()).hasSize(1);
    assertThat(userRequests().get(0).queryParameter("limit").firstValue()).isEqualTo("10000");
  }

  @Test
  void limitAsksTheServerForNoMoreThanNeeded() {
    stubUsersPage(5, 0, Fixtures.usersRange(25_000, 1, 5));

    assertThat(client.agency(14).users().limit(5).list()).hasSize(5);
    assertThat(userRequests()).hasSize(1);
  }

  @Test
  void limitAcrossPagesAsksOnlyForTheRest() {
    stubUsersPage(3, 0, Fixtures.usersRange(100, 1, 3));
    stubUsersPage(2, 3, Fixtures.usersRange(100, 4, 5));

    assertThat(client.agency(14).users().pageSize(3).limit(5).list())
        .extracting(User::id)
        .containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(userRequests()).hasSize(2);
  }

  @Test
  void countWithoutFilterReadsTotalItemsInOneRequest() {
    stubUsersPage(1, 0, Fixtures.users(14_583, 1));
    stubUsersPage(1, 14_000, Fixtures.users(14_583, 14_001));

    assertThat(client.agency(14).users().count()).isEqualTo(14_583);
    assertThat(client.agency(14).users().offset(14_000).count()).isEqualTo(583);
    assertThat(client.agency(14).users().limit(10).count()).isEqualTo(10);
    assertThat(userRequests()).hasSize(3);
  }

  @Test
  void countWithFilterPagesThroughAndFiltersHere() {
    stubUsersPage(2, 0, Fixtures.users(5, 1, 2));
    stubUsersPage(2, 2, Fixtures.users(5, 3, 4));
    stubUsersPage(2, 4, Fixtures.users(5, 5));

    assertThat(client.agency(14).users().pageSize(2).where(User::active).count()).isEqualTo(3);
    assertThat(client.agency(14).users().pageSize(2).where(User::active).limit(2).list())
        .extracting(User::id)
        .containsExactly(1L, 3L);
  }

  @Test
  void actionTypeIsForwarded() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users/9/actions"))
            .willReturn(okJson("{\"actions\":[" + Fixtures.action(1, 2) + "],\"total_items\":1}")));

    List<Action> actions = client.agency(14).user(9).actions().type(2).list();

    assertThat(actions).extracting(Action::type).containsExactly(2);
    LoggedRequest request =
        wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/users/9/actions"))).get(0);
    assertThat(request.queryParameter("type").firstValue()).isEqualTo("2");
    assertThat(request.queryParameter("limit").firstValue()).isEqualTo("1000");
  }

  @Test
  void pagingStopsAtTotalItemsWithoutAnExtraRequest() {
    stubUsersPage(2, 0, Fixtures.users(4, 1, 2));
    stubUsersPage(2, 2, Fixtures.users(4, 3, 4));

    assertThat(client.agency(14).users().pageSize(2).list()).hasSize(4);
    assertThat(userRequests()).hasSize(2);
  }

  @Test
  void aShortPageIsNotTheEndWhileTotalItemsSaysMore() {
    // A server that caps limit lower than asked (3 instead of 5) must not lose records.
    stubUsersPage(5, 0, Fixtures.users(7, 1, 2, 3));
    stubUsersPage(5, 3, Fixtures.users(7, 4, 5, 6));
    stubUsersPage(5, 6, Fixtures.users(7, 7));

    assertThat(client.agency(14).users().pageSize(5).list()).hasSize(7);
  }

  @Test
  void aShortPageEndsPagingWhenThereIsNoTotal() {
    stubUsersPage(3, 0, "{\"users\":[" + Fixtures.user(1) + "," + Fixtures.user(2) + "]}");

    assertThat(client.agency(14).users().pageSize(3).list()).hasSize(2);
    assertThat(userRequests()).hasSize(1);
  }

  @Test
  void anEmptyPageEndsPagingEvenIfTotalItemsLies() {
    stubUsersPage(2, 0, Fixtures.users(10, 1, 2));
    stubUsersPage(2, 2, Fixtures.users(10));

    assertThat(client.agency(14).users().pageSize(2).parallel(1).list()).hasSize(2);
    assertThat(userRequests()).hasSize(2);
  }

  @Test
  void recordsRepeatedAcrossPagesAreDeliveredOnce() {
    // Two records were inserted between the requests: the second page starts with 2 already seen.
    stubUsersPage(3, 0, Fixtures.users(7, 1, 2, 3));
    stubUsersPage(3, 3, Fixtures.users(7, 2, 3, 4));
    stubUsersPage(3, 6, Fixtures.users(7, 5));

    assertThat(client.agency(14).users().pageSize(3).list())
        .extracting(User::id)
        .containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void aServerThatIgnoresOffsetIsAnErrorNotAnEndlessLoop() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson(Fixtures.users(1000, 1, 2))));

    assertThatThrownBy(() -> client.agency(14).users().pageSize(2).list())
        .isInstanceOf(PagingException.class)
        .hasMessageContaining("ignore 'offset'");
    assertThat(userRequests()).hasSizeLessThanOrEqualTo(2 + PageFetcher.DEFAULT_PARALLEL);
  }

  @Test
  void pageSizeAboveTheEndpointMaximumIsRefusedClearly() {
    assertThatThrownBy(() -> client.agency(14).users().pageSize(10_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 10000");
    assertThatThrownBy(() -> client.agency(14).user(9).actions().pageSize(1_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 1000");
    assertThat(client.agency(14).user(9).actions().pageSize(1_000)).isNotNull();
  }

  @Test
  void subclassFiltersKeepTheirTypeWhateverTheOrder() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users/9/actions"))
            .willReturn(
                okJson(
                    "{\"actions\":["
                        + Fixtures.action(1, 3)
                        + ","
                        + Fixtures.action(2, 3)
                        + "],\"total_items\":2}")));

    List<Action> actions =
        client.agency(14).user(9).actions().limit(1).pageSize(10).offset(0).type(3).list();

    assertThat(actions).hasSize(1);
    LoggedRequest request =
        wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/users/9/actions"))).get(0);
    assertThat(request.queryParameter("type").firstValue()).isEqualTo("3");
    assertThat(request.queryParameter("limit").firstValue()).isEqualTo("1");
  }

  @Test
  void pagePreviewIsOneRequestWithTheTotal() {
    stubUsersPage(3, 0, Fixtures.usersRange(40, 1, 3));

    Page<User> page = client.agency(14).users().page(3);

    assertThat(page.items()).hasSize(3);
    assertThat(page.totalItems()).isEqualTo(40);
    assertThat(userRequests()).hasSize(1);
  }

  @Test
  void progressIsReportedPageByPage() {
    stubUsersPage(2, 0, Fixtures.users(3, 1, 2));
    stubUsersPage(2, 2, Fixtures.users(3, 3));
    var seen = new java.util.ArrayList<String>();
    var listened =
        client.withPageListener(
            (path, fetched, expected) -> seen.add(path + " " + fetched + "/" + expected));

    listened.agency(14).users().pageSize(2).list();

    assertThat(seen).containsExactly("/agencies/14/users 2/3", "/agencies/14/users 3/3");
  }

  @Test
  void aStreamStopsWhenItsThreadIsInterrupted() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .willReturn(aResponse().withFixedDelay(30_000).withBody(Fixtures.users(1, 1))));
    var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
    Thread worker =
        new Thread(
            () -> {
              try {
                client.agency(14).users().list();
              } catch (Throwable t) {
                failure.set(t);
              }
            });

    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(20),
        () -> {
          worker.start();
          while (userRequests().isEmpty()) {
            Thread.sleep(20);
          }
          worker.interrupt();
          worker.join();
        });
    assertThat(failure.get())
        .isInstanceOf(java.util.concurrent.CancellationException.class)
        .hasMessageContaining("Stopped");
  }

  @Test
  void aNullAmongTheRecordsIsSkipped() {
    stubUsersPage(10_000, 0, "{\"users\":[null," + Fixtures.user(1) + "],\"total_items\":2}");

    assertThat(client.agency(14).users().list()).extracting(User::id).containsExactly(1L);
  }

  @Test
  void fromTheSecondPageOnTheNextPageIsFetchedAhead() throws Exception {
    stubUsersPage(2, 0, Fixtures.users(6, 1, 2));
    stubUsersPage(2, 2, Fixtures.users(6, 3, 4));
    stubUsersPage(2, 4, Fixtures.users(6, 5, 6));
    java.util.Iterator<User> users = client.agency(14).users().pageSize(2).stream().iterator();

    users.next();
    users.next();
    assertThat(userRequests()).hasSize(1); // no read-ahead yet: a caller may stop at page one
    users.next();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (userRequests().size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    assertThat(userRequests())
        .extracting(r -> r.queryParameter("offset").firstValue())
        .containsExactlyInAnyOrder("0", "2", "4");
    assertThat(users.next().id()).isEqualTo(4);
    assertThat(users.next().id()).isEqualTo(5);
    assertThat(users.next().id()).isEqualTo(6);
    assertThat(users.hasNext()).isFalse();
    assertThat(userRequests()).hasSize(3);
  }
}
