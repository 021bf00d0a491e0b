package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.model.ApimoRecord;
import dev.apimoshell.testing.LoopbackWireMock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code toJson()} of a record is what Apimo sent for it: each record of a page, written back, is
 * the raw object but for {@code password}, key order aside: explicit {@code null}, {@code ""},
 * {@code []}, zero dates and ids as strings or numbers all kept as sent.
 */
class RecordRoundTripTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  static final String USERS =
      "{\"users\":[{\"id\":\"9\",\"agency\":\"14\",\"active\":true,\"created_at\":\"2008-02-05"
          + " 17:53:03\",\"updated_at\":\"2016-04-15 23:07:33\",\"firstname\":\"Marc\","
          + "\"lastname\":\"WYLER\",\"username\":\"mylogin\",\"password\":\"*********\","
          + "\"group\":\"2\",\"email\":\"NO-SPAM@swissmedimmo.com\",\"phone\":null,"
          + "\"mobile\":\"+33620000000\",\"fax\":null,\"birthday_at\":\"1965-01-01\","
          + "\"timezone\":\"Europe\\/Paris\",\"picture\":\"https:\\/\\/api.apimo.pro\\/u\\/9.jpg\"},"
          + "{\"id\":\"10\",\"lastname\":\"Roux\",\"email\":\"\",\"language\":\"fr_FR\","
          + "\"spoken_languages\":[\"fr\",\"en\"],\"city\":{\"id\":\"3\",\"name\":\"Nice\"},"
          + "\"stories\":[]}],\"total_items\":2}";

  static final String PROPERTIES =
      "{\"properties\":[{\"id\":86379445,\"reference\":\"VI7\",\"agency\":14,"
          + "\"user\":{\"id\":9,\"firstname\":\"Marc\",\"lastname\":\"WYLER\",\"email\":null},"
          + "\"step\":1,\"status\":null,\"category\":1,\"type\":1,\"subtype\":7,\"name\":\"\","
          + "\"agreement\":{\"type\":2,\"reference\":\"M-12\",\"start_at\":\"2024-01-02\"},"
          + "\"region\":[],\"city\":{\"id\":22,\"name\":\"Nice\",\"zipcode\":\"06000\"},"
          + "\"latitude\":43.566,\"longitude\":7.1,\"area\":{\"unit\":1,\"value\":80.5},"
          + "\"rooms\":3,\"price\":{\"value\":2600000,\"hide\":false,\"currency\":\"EUR\","
          + "\"vat\":true},\"pictures\":[{\"id\":1,\"rank\":1,\"url\":\"https://x/1.jpg\","
          + "\"width_max\":800}],\"comments\":[{\"language\":\"fr\",\"comment\":\"Beau\"}],"
          + "\"services\":[1,4],\"plot\":{\"net_floor\":120},\"created_at\":\"2024-01-02"
          + " 10:00:00\"}],\"total_items\":1}";

  static final String CONTACTS =
      "{\"contacts\":[{\"id\":\"501\",\"category\":\"1\",\"title\":null,\"lastname\":\"Roux\","
          + "\"firstname\":\"\",\"email\":null,\"mobile\":\"+33612345678\",\"tags\":[3],"
          + "\"job\":\"Notaire\",\"birthday_at\":\"0000-00-00\"}],\"total_items\":1}";

  static final String ACTIONS =
      "{\"actions\":[{\"id\":\"19344999\",\"type\":\"2\",\"user\":\"9\",\"contact\":\"8520201\","
          + "\"date\":\"2018-09-11\",\"time_start\":\"14:43:20\",\"subject\":\"Visit\","
          + "\"properties\":{\"id\":\"233030\",\"report\":null,\"price\":\"2600000\","
          + "\"currency\":\"EUR\"},\"referral\":null,\"method\":\"3\"}],\"total_items\":1}";

  private ApimoClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(wm.baseUrl());
    wm.stubFor(get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson(USERS)));
    wm.stubFor(get(urlPathEqualTo("/agencies/14/properties")).willReturn(okJson(PROPERTIES)));
    wm.stubFor(get(urlPathEqualTo("/agencies/14/contacts")).willReturn(okJson(CONTACTS)));
    wm.stubFor(get(urlPathEqualTo("/agencies/14/users/9/actions")).willReturn(okJson(ACTIONS)));
  }

  @Test
  void usersWriteBackWhatWasSent() throws Exception {
    assertRoundTrip(USERS, "users", client.agency(14).users().list());
  }

  @Test
  void propertiesWithTheirEmbeddedUserWriteBackWhatWasSent() throws Exception {
    assertRoundTrip(PROPERTIES, "properties", client.agency(14).properties().list());
  }

  @Test
  void contactsWriteBackWhatWasSent() throws Exception {
    assertRoundTrip(CONTACTS, "contacts", client.agency(14).contacts().list());
  }

  @Test
  void actionsWriteBackWhatWasSent() throws Exception {
    assertRoundTrip(ACTIONS, "actions", client.agency(14).user(9).actions().list());
  }

  private static void assertRoundTrip(
      String body, String listKey, List<? extends ApimoRecord> records) throws Exception {
    JsonNode raw = Json.mapper().readTree(body).get(listKey);
    assertThat(records).hasSize(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      JsonNode written = Json.mapper().readTree(records.get(i).toJson());
      ObjectNode sent = ((ObjectNode) raw.get(i)).deepCopy();
      sent.remove("password");
      assertThat(written).as("record %d", i).isEqualTo(sent);
    }
  }
}
