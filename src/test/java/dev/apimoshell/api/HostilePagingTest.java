package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.PageListener;
import dev.apimoshell.internal.client.PageFetcher;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.model.User;
import dev.apimoshell.testing.LoopbackWireMock;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "paging" rows of the hostile-server cases (docs/reliability.md), and the fault row "RST on
 * every page after the first": a server whose {@code total_items}, offsets or ids lie must cost no
 * record silently, and never loop forever. Pages of 10 over 25 users unless a case says otherwise;
 * any offset not stubbed answers an empty page.
 */
class HostilePagingTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  private ApimoClient client;
  private final List<String> warnings = new ArrayList<>();

  /**
   * Lets requests cancelled by a stream that stopped early (pages read ahead) reach the server
   * before the next test counts requests.
   */
  @AfterEach
  void letCancelledRequestsSettle() throws InterruptedException {
    Fixtures.awaitQuiet(() -> requests());
  }

  @BeforeEach
  void setUp() {
    client = Fixtures.client(wm.baseUrl());
    client.addPageListener(PageListener.warnings((path, m) -> warnings.add(path + ": " + m)));
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users")).atPriority(10).willReturn(okJson(body("0"))));
  }

  // --- arrange: one line each

  /** The answer to {@code limit=10&offset=offset}. */
  private void page(long offset, String body) {
    page(10, offset, body);
  }

  private void page(int limit, long offset, String body) {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("limit", equalTo(String.valueOf(limit)))
            .withQueryParam("offset", equalTo(String.valueOf(offset)))
            .willReturn(okJson(body)));
  }

  /** 25 users (ids 1 to 25) in pages of 10, each page saying {@code total} (raw JSON, or null). */
  private void twentyFiveUsers(String total) {
    page(0, body(total, range(1, 10)));
    page(10, body(total, range(11, 20)));
    page(20, body(total, range(21, 25)));
  }

  /** A users page; {@code total} is the raw JSON of total_items, or null to leave it out. */
  private static String body(String total, long... ids) {
    String users =
        LongStream.of(ids).mapToObj(Fixtures::user).collect(Collectors.joining(",", "[", "]"));
    return "{\"users\":" + users + (total == null ? "" : ",\"total_items\":" + total) + "}";
  }

  private static long[] range(long from, long to) {
    return LongStream.rangeClosed(from, to).toArray();
  }

  // --- act

  private Query<User> users() {
    return client.agency(14).users().pageSize(10);
  }

  private List<Long> ids() {
    return users().stream().map(User::id).toList();
  }

  private int requests() {
    return wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/users"))).size();
  }

  // --- total_items

  @Test
  void totalLargerThanRealStopsOnTheEmptyPage() {
    twentyFiveUsers("1000");

    assertThat(ids()).containsExactlyElementsOf(boxed(range(1, 25)));
    assertThat(warnings).isEmpty();
  }

  @Test
  void totalSmallerThanRealStopsAtTheTotalButWarnsOnce() {
    twentyFiveUsers("5");

    assertThat(ids()).containsExactlyElementsOf(boxed(range(1, 10)));
    assertThat(requests()).isEqualTo(1);
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("/agencies/14/users", "total_items (5)", ".offset(10)");
  }

  @Test
  void negativeTotalIsUnknown() {
    twentyFiveUsers("-7");

    assertThat(ids()).hasSize(25);
  }

  @Test
  void nonNumericTotalIsUnknown() {
    twentyFiveUsers("\"abc\"");

    assertThat(ids()).hasSize(25);
  }

  @Test
  void numericStringTotalCounts() {
    twentyFiveUsers("\"25\"");

    assertThat(ids()).hasSize(25);
    assertThat(requests()).isEqualTo(3);
  }

  @Test
  void missingTotalPagesUntilAShortPage() {
    twentyFiveUsers(null);

    assertThat(ids()).hasSize(25);
    assertThat(requests()).isEqualTo(3);
  }

  @Test
  void nullTotalIsUnknownNotZero() {
    twentyFiveUsers("null");
    page(1, 0, body("null", 1));

    assertThat(ids()).hasSize(25);
    assertThat(users().count()).isEqualTo(25);
  }

  @Test
  void objectOrListTotalIsUnknown() {
    twentyFiveUsers("{\"n\":[1,2]}");

    assertThat(ids()).hasSize(25);
  }

  @Test
  void fractionalTotalCountsItsWholePart() {
    twentyFiveUsers("25.7");

    assertThat(ids()).hasSize(25);
  }

  @Test
  void totalBeyondALongIsUnknown() {
    twentyFiveUsers("123456789012345678901234567890");

    assertThat(ids()).hasSize(25);
  }

  @Test
  void totalChangingOnEveryRequestCostsNoRecordAndNoLoop() {
    page(0, body("1000", range(1, 10)));
    page(10, body("26", range(11, 20)));
    page(20, body("40", range(21, 25)));

    assertThat(ids()).hasSize(25);
  }

  // --- offsets and ids

  @Test
  void samePageForEveryOffsetIsAnErrorNotALoop() {
    wm.stubFor(get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson(body("100", 1, 2))));

    assertThatThrownBy(this::ids)
        .isInstanceOf(PagingException.class)
        .hasMessageContaining("ignore 'offset'");
    assertThat(requests()).isLessThanOrEqualTo(2 + PageFetcher.DEFAULT_PARALLEL); // pages ahead
  }

  @Test
  void samePageOfRecordsWithoutIdsIsAnErrorNotALoop() {
    String noIds = "{\"users\":[{\"id\":null,\"lastname\":\"A\"},{\"lastname\":\"B\"}]}";
    wm.stubFor(get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson(noIds)));

    assertThatThrownBy(() -> client.agency(14).users().pageSize(2).list())
        .isInstanceOf(PagingException.class);
  }

  @Test
  void twoPagesInARowOfOlderRepeatsAreAnErrorNotALoop() {
    // A server cycling between two pages: A, B, A, B...
    page(0, body("1000", range(1, 10)));
    page(10, body("1000", range(11, 20)));
    page(20, body("1000", range(1, 10)));
    page(30, body("1000", range(11, 20)));
    page(40, body("1000", range(1, 10)));

    assertThatThrownBy(this::ids)
        .isInstanceOf(PagingException.class)
        .hasMessageContaining("two pages in a row");
    assertThat(requests()).isLessThanOrEqualTo(4 + PageFetcher.DEFAULT_PARALLEL); // pages ahead
  }

  @Test
  void recordsRepeatedAcrossNeighbouringPagesAreDeliveredOnce() {
    page(0, body("30", range(1, 10)));
    page(10, body("30", range(6, 15)));
    page(20, body("30", range(16, 25)));

    assertThat(ids()).containsExactlyElementsOf(boxed(range(1, 25)));
  }

  @Test
  void idsRepeatedTwoPagesApartAreDeliveredOnce() {
    page(0, body("30", range(1, 10)));
    page(10, body("30", range(11, 20)));
    page(20, body("30", range(1, 10)));

    assertThat(ids()).containsExactlyElementsOf(boxed(range(1, 20)));
  }

  @Test
  void oneIdThreeTimesOnAPageIsDeliveredOnceFirstWins() {
    page(0, body("5", 1, 2, 3, 3, 3));

    assertThat(ids()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void recordsWithNullIdsAreAllDelivered() {
    String fiveWithoutIds =
        LongStream.rangeClosed(1, 5)
            .mapToObj(n -> "{\"id\":null,\"lastname\":\"Nobody " + n + "\"}")
            .collect(Collectors.joining(",", "{\"users\":[", "],\"total_items\":5}"));
    page(0, fiveWithoutIds);

    assertThat(users().list())
        .extracting(User::lastname)
        .containsExactly("Nobody 1", "Nobody 2", "Nobody 3", "Nobody 4", "Nobody 5");
  }

  @Test
  void recordsWithoutIdsOnSeveralPagesAreAllDelivered() {
    page(2, 0, "{\"users\":[{\"lastname\":\"A\"},{\"lastname\":\"B\"}]}");
    page(2, 2, "{\"users\":[{\"lastname\":\"C\"},{\"lastname\":\"D\"}]}");
    page(2, 4, "{\"users\":[{\"lastname\":\"E\"}]}");

    assertThat(client.agency(14).users().pageSize(2).list())
        .extracting(User::lastname)
        .containsExactly("A", "B", "C", "D", "E");
  }

  @Test
  void pastTheSeenIdsCapacityRepeatsFromThePageBeforeAreStillDroppedAndTheUserIsTold() {
    page(0, body("40", range(1, 10)));
    page(10, body("40", range(6, 15)));
    page(20, body("40", range(16, 25)));
    page(30, body("40", range(13, 17)));
    Query<User> query = users();

    var pager = new Pager<>(query.fetcher, query.spec, -1, false, 12);
    var delivered = new ArrayList<Long>();
    pager.forEachRemaining(u -> delivered.add(u.id()));

    // 1-12 fill the set; 13-25 are delivered but not remembered: 13-15 come back unnoticed (as the
    // warning says), 16-17 repeat the page before and are dropped.
    assertThat(delivered)
        .startsWith(boxed(range(1, 25)).toArray(Long[]::new))
        .endsWith(13L, 14L, 15L)
        .hasSize(28);
    assertThat(warnings).singleElement().asString().contains("repeat the page before");
  }

  @Test
  void aLongStreamSaysWhatItCostsAgainstTodaysQuotaAfterTheFirstPage(@TempDir Path quotaDir)
      throws Exception {
    for (long offset = 0; offset < 250; offset += 10) {
      page(offset, body("250", range(offset + 1, offset + 10)));
    }
    // The sandbox and test servers are loopback, which the quota never counts: ask for counting.
    Constructor<ApimoHttp> counting =
        ApimoHttp.class.getDeclaredConstructor(
            ApimoConfig.class, Path.class, Clock.class, boolean.class);
    counting.setAccessible(true);
    ApimoHttp http =
        counting.newInstance(Fixtures.config(wm.baseUrl()), quotaDir, Clock.systemUTC(), true);
    var fetcher = new PageFetcher(http);
    fetcher.addListener(PageListener.warnings((path, m) -> warnings.add(m)));
    Query<User> query = users();

    var pager = new Pager<>(fetcher, query.spec, -1, false);
    pager.next();

    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("This needs about 24 requests", "of 1,000 remain today");
  }

  // --- a failure mid-stream

  @Test
  void aResetOnEveryPageAfterTheFirstKeepsTheFirstPageAndSaysWhereToResume() {
    page(0, body("25", range(1, 10)));
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("offset", equalTo("10"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    var delivered = new ArrayList<Long>();

    assertThatThrownBy(() -> users().stream().forEach(u -> delivered.add(u.id())))
        .isInstanceOfSatisfying(
            IncompleteStreamException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(10);
              assertThat(e.delivered()).isEqualTo(10);
              assertThat(e.getCause()).isInstanceOf(dev.apimoshell.http.ApimoException.class);
            })
        .hasMessageContaining("offset 10 after 10 records")
        .hasMessageContaining(".offset(10)");
    assertThat(delivered).containsExactlyElementsOf(boxed(range(1, 10)));
  }

  @Test
  void aFailureOfAPageFetchedAheadSaysWhereToResumeToo() {
    page(0, body("25", range(1, 10)));
    page(10, body("25", range(11, 20)));
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("offset", equalTo("20"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    var delivered = new ArrayList<Long>();

    assertThatThrownBy(() -> users().stream().forEach(u -> delivered.add(u.id())))
        .isInstanceOf(IncompleteStreamException.class)
        .hasMessageContaining("offset 20 after 20 records")
        .hasMessageContaining(".offset(20)");
    assertThat(delivered).hasSize(20);
  }

  @Test
  void aFailureMidStreamWithALimitSaysTheRestOfTheLimitToo() {
    page(0, body("25", range(1, 10)));
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("offset", equalTo("10"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> users().limit(15).list())
        .isInstanceOf(IncompleteStreamException.class)
        .hasMessageContaining(".offset(10).limit(5)");
  }

  @Test
  void aFailureOnTheFirstPageIsReportedAsItIs() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(this::ids)
        .isInstanceOf(dev.apimoshell.http.ApimoException.ConnectionException.class);
  }

  private static List<Long> boxed(long[] ids) {
    return LongStream.of(ids).boxed().toList();
  }
}
