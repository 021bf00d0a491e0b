package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoException.MalformedResponseException;
import dev.apimoshell.http.PageListener;
import dev.apimoshell.model.User;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lists that lie: fewer records than {@code total_items} promised is never silent (a warning naming
 * the query and the shortfall, through the listeners that {@code /http}, the prompt, scripts and
 * the export summary use), and a field twice in a record is an error naming it.
 */
class PagingShortfallTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private ApimoClient client;
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    client = Fixtures.client(wm.baseUrl());
    client.addPageListener(PageListener.warnings((path, m) -> warnings.add(path + ": " + m)));
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .atPriority(10)
            .willReturn(okJson("{\"users\":[],\"total_items\":0}")));
  }

  @AfterEach
  void letCancelledRequestsSettle() throws InterruptedException {
    Fixtures.awaitQuiet(
        () -> wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/users"))).size());
  }

  @Test
  void aNullListWithATotalIsAShortfallNotAnEmptyList() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("offset", equalTo("0"))
            .willReturn(okJson("{\"users\":null,\"total_items\":25}")));

    assertThat(users().list()).isEmpty();
    assertThat(users().count()).isEqualTo(25);
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains(
            "GET /agencies/14/users delivered 0 records where total_items says 25 (25 short",
            "the list ended at offset 0");
  }

  @Test
  void pagesWhoseOrderDependsOnTheOffsetSayHowManyWereLost() {
    page(0, body(25, range(1, 10)));
    page(10, body(25, range(6, 15))); // 6-10 again: 5 others were skipped
    page(20, body(25, range(16, 20)));

    assertThat(users().stream().map(User::id).distinct().count()).isEqualTo(20);
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains(
            "delivered 20 records where total_items says 25 (5 short",
            "5 repeated across pages (the order shifted between pages");
  }

  @Test
  void nullElementsAreCountedInTheWarning() {
    page(
        0,
        "{\"users\":["
            + Fixtures.user(1)
            + ",null,"
            + Fixtures.user(3)
            + ",null,"
            + Fixtures.user(5)
            + "],\"total_items\":5}");

    assertThat(users().list()).extracting(User::id).containsExactly(1L, 3L, 5L);
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("delivered 3 records where total_items says 5 (2 short: 2 null in the list)");
  }

  @Test
  void aFilteredQueryIsNamedInTheWarning() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("group", equalTo("2"))
            .willReturn(okJson("{\"users\":null,\"total_items\":3}")));

    Query<User> all = users();
    assertThat(all.with(all.spec.withParam("group", 2)).list()).isEmpty();
    assertThat(warnings).singleElement().asString().contains("GET /agencies/14/users?group=2");
  }

  @Test
  void aWholeListSaysNothing() {
    page(0, body(25, range(1, 10)));
    page(10, body(25, range(11, 20)));
    page(20, body(25, range(21, 25)));

    assertThat(users().list()).hasSize(25);
    assertThat(users().limit(10).list()).hasSize(10);
    assertThat(warnings).isEmpty();
  }

  @Test
  void aFieldTwiceInARecordIsAnErrorNamingIt() {
    page(0, "{\"users\":[" + Fixtures.user(1) + ",{\"id\":2,\"id\":99}],\"total_items\":2}");

    assertThatThrownBy(() -> users().list())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("GET /agencies/14/users?limit=10&offset=0")
        .hasMessageContaining("the record users[1] has the field 'id' twice");
  }

  @Test
  void aFieldTwiceInTheEnvelopeIsAnErrorToo() {
    page(0, "{\"users\":[],\"total_items\":5,\"total_items\":0}");

    assertThatThrownBy(() -> users().list())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("the field 'total_items' twice in one object");
  }

  private Query<User> users() {
    return client.agency(14).users().pageSize(10);
  }

  private void page(long offset, String body) {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("limit", equalTo("10"))
            .withQueryParam("offset", equalTo(String.valueOf(offset)))
            .willReturn(okJson(body)));
  }

  private static String body(long total, long... ids) {
    return LongStream.of(ids)
        .mapToObj(Fixtures::user)
        .collect(Collectors.joining(",", "{\"users\":[", "],\"total_items\":" + total + "}"));
  }

  private static long[] range(long from, long to) {
    return LongStream.rangeClosed(from, to).toArray();
  }
}
