package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.model.Action;
import dev.apimoshell.model.Contact;
import dev.apimoshell.model.Property;
import dev.apimoshell.model.User;
import dev.apimoshell.testing.LoopbackWireMock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One record by id: pages of the endpoint's maximum size, stopping at the page that holds it. */
class FindOneTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  private ApimoClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(wm.baseUrl());
  }

  /** Pages of {@code size} records with ids 1..total, {@code {"id":N}} each. */
  private void stubPages(String resource, int size, int total) {
    for (int offset = 0; offset < total; offset += size) {
      String records =
          LongStream.rangeClosed(offset + 1, Math.min(offset + size, total))
              .mapToObj(id -> "{\"id\":" + id + ",\"lastname\":\"N" + id + "\"}")
              .collect(Collectors.joining(","));
      wm.stubFor(
          get(urlPathEqualTo("/agencies/14/" + resource))
              .withQueryParam("limit", equalTo(String.valueOf(size)))
              .withQueryParam("offset", equalTo(String.valueOf(offset)))
              .willReturn(
                  okJson(
                      "{\"" + resource + "\":[" + records + "],\"total_items\":" + total + "}")));
    }
  }

  private List<String> offsetsAsked(String resource) {
    return wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/" + resource))).stream()
        .map(r -> r.queryParameter("offset").firstValue())
        .toList();
  }

  @Test
  void aPropertyIsFoundInTheSecondPageWithoutAskingForTheThird() {
    stubPages("properties", 1_000, 3_000);

    Property found = client.agency(14).property(1_500).orElseThrow();

    assertThat(found.id()).isEqualTo(1_500);
    assertThat(offsetsAsked("properties")).containsExactly("0", "1000");
  }

  @Test
  void anUnknownPropertyIsEmptyAfterEveryPage() {
    stubPages("properties", 1_000, 3_000);

    assertThat(client.agency(14).property(4_242)).isEmpty();
    assertThat(offsetsAsked("properties")).containsExactly("0", "1000", "2000");
  }

  @Test
  void aServerIgnoringOffsetEndsTheSearchWithAnErrorNotALoop() {
    String full =
        LongStream.rangeClosed(1, 1_000)
            .mapToObj(id -> "{\"id\":" + id + "}")
            .collect(Collectors.joining(",", "{\"properties\":[", "]}"));
    wm.stubFor(get(urlPathEqualTo("/agencies/14/properties")).willReturn(okJson(full)));

    assertThatThrownBy(() -> client.agency(14).property(4_242))
        .isInstanceOf(PagingException.class)
        .hasMessageContaining("ignore 'offset'")
        .hasMessageContaining("4242");
    assertThat(offsetsAsked("properties")).containsExactly("0", "1000");
  }

  @Test
  void aContactIsFoundInPagesOfTenThousand() {
    stubPages("contacts", 10_000, 12_000);

    Contact found = client.agency(14).contact(10_001).orElseThrow();

    assertThat(found.lastname()).isEqualTo("N10001");
    assertThat(offsetsAsked("contacts")).containsExactly("0", "10000");
  }

  @Test
  void aUsersDetailsAreItsRecordInTheUserList() {
    stubPages("users", 10_000, 40);

    User user = client.agency(14).user(9).details().orElseThrow();

    assertThat(user.id()).isEqualTo(9);
    assertThat(user.lastname()).isEqualTo("N9");
    assertThat(client.agency(14).user(99).details()).isEmpty();
    assertThat(offsetsAsked("users")).containsExactly("0", "0");
  }

  @Test
  void actionsBetweenTwoDatesAreFilteredHereBothDaysIncluded() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users/9/actions"))
            .willReturn(
                okJson(
                    "{\"actions\":["
                        + "{\"id\":1,\"date\":\"2018-08-31\"},{\"id\":2,\"date\":\"2018-09-01\"},"
                        + "{\"id\":3,\"date\":\"2018-09-15\"},{\"id\":4},"
                        + "{\"id\":5,\"date\":\"2018-09-30\"},{\"id\":6,\"date\":\"2018-10-01\"}"
                        + "],\"total_items\":6}")));

    List<Action> september =
        client
            .agency(14)
            .user(9)
            .actions()
            .between(LocalDate.of(2018, 9, 1), LocalDate.of(2018, 9, 30))
            .list();

    assertThat(september).extracting(Action::id).containsExactly(2L, 3L, 5L);
    assertThat(
            wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/users/9/actions")))
                .get(0)
                .getQueryParams())
        .containsOnlyKeys("limit", "offset");
  }

  @Test
  void aDateRangeTheWrongWayRoundIsRefusedBeforeAnyRequest() {
    var actions = client.agency(14).user(9).actions();

    assertThatThrownBy(() -> actions.between(LocalDate.of(2018, 9, 30), LocalDate.of(2018, 9, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2018-09-30")
        .hasMessageContaining("2018-09-01");
    assertThatThrownBy(() -> actions.between(null, LocalDate.of(2018, 9, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
