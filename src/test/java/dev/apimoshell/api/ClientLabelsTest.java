package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.DefaultClientReset;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.internal.client.CatalogCache;
import dev.apimoshell.internal.export.Flattener;
import dev.apimoshell.internal.export.Table;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.model.Contact;
import dev.apimoshell.model.Page;
import dev.apimoshell.model.Property;
import dev.apimoshell.testing.LoopbackWireMock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A record is labelled from the catalogs of the client that fetched it; cultures as Apimo writes
 * them ({@code fr_FR}) are accepted; list envelopes keep {@code timestamp} and {@code
 * processing_time} and tolerate keys they do not know.
 */
@ExtendWith(DefaultClientReset.class)
class ClientLabelsTest {
  @RegisterExtension static WireMockExtension first = LoopbackWireMock.extension();

  @RegisterExtension static WireMockExtension second = LoopbackWireMock.extension();

  static final String PROPERTY =
      "{\"id\":1,\"type\":1,\"floor\":{\"type\":1,\"value\":0},\"orientations\":[1,2],"
          + "\"areas\":[{\"type\":3}]}";

  private ApimoClient a;
  private ApimoClient b;

  @BeforeEach
  void setUp() {
    serve(first, "Apartment", "Ground floor", "North", "Bedroom");
    serve(second, "Flat", "Street level", "Nord", "Chambre");
    a = connect(first);
    b = connect(second);
    a.makeDefault();
  }

  private static ApimoClient connect(WireMockExtension server) {
    return ApimoClient.connect(
        ApimoConfig.of(server.baseUrl(), "1", "secret")
            .withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1))
            .withRequestsPerSecond(0),
        CatalogCache.none());
  }

  private static void serve(
      WireMockExtension server, String type, String floor, String north, String room) {
    server.stubFor(
        get(urlPathEqualTo("/agencies/14/properties"))
            .willReturn(okJson("{\"properties\":[" + PROPERTY + "],\"total_items\":1}")));
    catalog(server, "property_type", "en", "[{\"id\":1,\"name\":\"" + type + "\"}]");
    catalog(server, "property_floor", "en", "[{\"id\":1,\"name\":\"" + floor + "\"}]");
    catalog(
        server,
        "property_orientation",
        "en",
        "[{\"id\":1,\"name\":\"" + north + "\"},{\"id\":2,\"name\":null}]");
    catalog(server, "property_areas", "en", "[{\"id\":3,\"name\":\"" + room + "\"}]");
  }

  private static void catalog(WireMockExtension server, String name, String culture, String body) {
    server.stubFor(
        get(urlPathEqualTo("/catalogs/" + name))
            .withQueryParam("culture", equalTo(culture))
            .willReturn(okJson(body)));
  }

  @Test
  void aRecordFromASecondClientIsLabelledFromThatClientsCatalogs() {
    Property fromB = b.agency(14).properties().first().orElseThrow();
    Property fromA = a.agency(14).properties().first().orElseThrow();

    assertThat(fromB.typeLabel()).isEqualTo("Flat");
    assertThat(fromB.floorLabel()).isEqualTo("Street level");
    assertThat(fromB.areas().get(0).typeLabel()).isEqualTo("Chambre");
    assertThat(Flattener.flatten(fromB, true))
        .containsEntry("type_label", "Flat")
        .containsEntry("floor.type_label", "Street level")
        .containsEntry("orientations_label", "[\"Nord\",\"2\"]");
    assertThat(Table.render(List.of(fromB), List.of("id", "type_label"), 80, ""))
        .contains("Flat")
        .doesNotContain("Apartment");
    assertThat(fromA.typeLabel()).isEqualTo("Apartment");
    assertThat(fromA.orientationLabels()).containsExactly("North", "2");
  }

  @Test
  void aRecordReadWithoutAClientReadsItsCodesAsTheyAre() throws Exception {
    Property p = Json.mapper().readValue(PROPERTY, Property.class);

    assertThat(p.typeLabel()).isEqualTo("1");
  }

  @Test
  void theLabelSourceIsNeverWrittenAndNamesNoToken() {
    Property p = b.agency(14).properties().first().orElseThrow();

    assertThat(p.toJson()).doesNotContain("label").doesNotContain("secret");
    assertThat(Flattener.flatten(p)).doesNotContainKeys("label_source", "labelSource");
    assertThat(p.toString()).doesNotContain("secret");
  }

  @Test
  void culturesAreAcceptedAsApimoWritesThem() {
    catalog(second, "property_type", "fr", "[{\"id\":1,\"name\":\"Appartement\"}]");
    catalog(second, "user_group", "fr", "[{\"id\":1,\"name\":\"Administrateur\"}]");
    catalog(second, "user_group", "en", "[{\"id\":1,\"name\":\"Administrator\"}]");

    ApimoClient french = b.culture("fr_FR");
    assertThat(french.catalog("property_type").label(1)).isEqualTo("Appartement");
    assertThat(french.culture()).isEqualTo("fr_FR");
    assertThat(b.culture()).isEqualTo("en");
    assertThat(french.agency(14).properties().first().orElseThrow().typeLabel())
        .isEqualTo("Appartement");
    assertThat(b.culture("fr").catalog("property_type").label(1)).isEqualTo("Appartement");
    assertThat(b.culture("en_GB").catalog("property_type").label(1)).isEqualTo("Flat");
    second.verify(
        1,
        getRequestedFor(urlPathEqualTo("/catalogs/property_type"))
            .withQueryParam("culture", equalTo("fr")));
  }

  @Test
  void listEnvelopesKeepTimestampAndProcessingTimeAndTolerateOtherKeys() {
    second.stubFor(
        get(urlPathEqualTo("/agencies/14/contacts"))
            .willReturn(
                okJson(
                    "{\"debug\":{\"sql\":[1,2]},\"contacts\":[{\"id\":\"7\",\"lastname\":\"Roux\"}],"
                        + "\"total_items\":1,\"timestamp\":1709398800,\"processing_time\":0.012,"
                        + "\"links\":[{\"next\":null}],\"next\":null,\"version\":\"2\"}")));

    Page<Contact> page = b.agency(14).contacts().page(5);

    assertThat(page.items()).extracting(Contact::lastname).containsExactly("Roux");
    assertThat(page.timestamp()).isEqualTo(1709398800L);
    assertThat(page.serverTime()).contains(Instant.ofEpochSecond(1709398800L));
    assertThat(page.processingTime()).isEqualByComparingTo(new BigDecimal("0.012"));
    assertThat(b.agency(14).contacts().list()).hasSize(1);
  }

  @Test
  void aQueryResumesFromTheServerTimeOfItsLastPage() {
    second.stubFor(
        get(urlPathEqualTo("/agencies/14/contacts"))
            .willReturn(
                okJson(
                    "{\"contacts\":[{\"id\":\"7\"}],\"total_items\":1,"
                        + "\"timestamp\":1709398800}")));
    var contacts = b.agency(14).contacts();
    assertThat(contacts.serverTime()).isEmpty();

    contacts.stream().forEach(c -> {});
    Instant next = contacts.serverTime().orElseThrow();
    contacts.since(next).list();

    assertThat(next).isEqualTo(Instant.ofEpochSecond(1709398800L));
    second.verify(
        getRequestedFor(urlPathEqualTo("/agencies/14/contacts"))
            .withQueryParam("timestamp", equalTo("1709398800")));
  }

  @Test
  void envelopeValuesAsTextAreReadToo() {
    second.stubFor(
        get(urlPathEqualTo("/agencies/14/leads"))
            .willReturn(
                okJson(
                    "{\"leads\":[],\"total_items\":\"0\",\"timestamp\":\"1709398800\","
                        + "\"processing_time\":\"0.5\"}")));

    Page<?> page = b.agency(14).leads().page(5);

    assertThat(page.timestamp()).isEqualTo(1709398800L);
    assertThat(page.processingTime()).isEqualByComparingTo("0.5");
  }

  @Test
  void anEnvelopeWithoutTimestampSaysSo() {
    Page<Property> page = b.agency(14).properties().page(5);

    assertThat(page.timestamp()).isNull();
    assertThat(page.serverTime()).isEmpty();
    assertThat(page.processingTime()).isNull();
  }
}
