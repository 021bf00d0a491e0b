package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.DefaultClientReset;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.ApimoException;
import dev.apimoshell.internal.client.CatalogCache;
import dev.apimoshell.model.Agency;
import dev.apimoshell.model.Contact;
import dev.apimoshell.model.Lead;
import dev.apimoshell.model.NewAction;
import dev.apimoshell.model.NewLead;
import dev.apimoshell.model.Property;
import dev.apimoshell.testing.LoopbackWireMock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DefaultClientReset.class)
class WholeApiTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  /**
   * A listing as public clients see it: numbers where users have strings, nested objects, mixed
   * types.
   */
  static final String PROPERTY =
      """
      {"id":86379445,"reference":"VI7","agency":14,"brand":null,"sector":3,
       "user":{"id":"9","firstname":"Marc","lastname":"WYLER","password":"x"},
       "step":1,"status":"1","category":1,"subcategory":null,"type":1,"subtype":"4","name":"Villa l'Oliveraie",
       "agreement":{"type":1,"reference":"M-2041","start_at":"2024-01-15","end_at":null},
       "address":"12, chemin des Pins","country":"FR","region":{"id":93,"name":"Provence-Alpes-Côte d'Azur"},
       "city":{"id":"62054","name":"Cannes","zipcode":"06400"},"district":[],
       "latitude":"43.5513","longitude":7.0128,
       "area":{"unit":1,"value":"245.5","total":300,"weighted":null},"rooms":"7","bedrooms":4,
       "price":{"value":2600000,"max":null,"fees":"3.5","period":0,"hide":"0","currency":"EUR","commission":"5"},
       "pictures":[{"id":1,"rank":"1","url":"https://example.test/p1.jpg","width":1024}],
       "comments":[{"language":"fr","title":"Villa","comment":"Belle villa, « vue mer »"},
                   {"language":"en","title":"Villa","comment":"Lovely villa"}],
       "areas":[{"type":"1","number":2,"area":"35.20","flooring":null}],
       "regulations":[],"services":[1,"6",12],"tags":[],
       "created_at":"2024-01-15 09:30:00","updated_at":"2024-03-02 18:00:00","virtual_visit":"https://example.test/v"}
      """;

  private ApimoClient client;
  @TempDir Path cacheDir;

  @BeforeEach
  void setUp() {
    client =
        ApimoClient.connect(
            ApimoConfig.of(wm.baseUrl(), "1234", "secret")
                .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5))
                .withRequestsPerSecond(0),
            new CatalogCache(cacheDir, Duration.ofDays(7)));
  }

  private LoggedRequest only(String path) {
    List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlPathEqualTo(path)));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  @Test
  void aFullNestedPropertyParsesWithNumbersAndStringsMixed() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/properties"))
            .willReturn(
                okJson(
                    "{\"properties\":["
                        + PROPERTY
                        + "],\"total_items\":1,\"timestamp\":1709398800}")));

    Property p = client.agency(14).properties().first().orElseThrow();

    assertThat(p.id()).isEqualTo(86379445L);
    assertThat(p.reference()).isEqualTo("VI7");
    assertThat(p.user().lastname()).isEqualTo("WYLER");
    assertThat(p.status()).isEqualTo(1);
    assertThat(p.subtype()).isEqualTo(4);
    assertThat(p.agreement().startAt()).isEqualTo(LocalDate.of(2024, 1, 15));
    assertThat(p.region().name()).isEqualTo("Provence-Alpes-Côte d'Azur");
    assertThat(p.city().zipcode()).isEqualTo("06400");
    assertThat(p.city().id()).isEqualTo(62054L);
    assertThat(p.district()).isNull();
    assertThat(p.latitude()).isEqualByComparingTo("43.5513");
    assertThat(p.area().value()).isEqualByComparingTo("245.5");
    assertThat(p.rooms()).isEqualTo(7);
    assertThat(p.price().value()).isEqualByComparingTo("2600000");
    assertThat(p.price().hide()).isFalse();
    assertThat(p.price().commission()).isEqualByComparingTo("5");
    assertThat(p.price().extra()).isEmpty();
    assertThat(p.pictures())
        .singleElement()
        .satisfies(
            pic -> {
              assertThat(pic.rank()).isEqualTo(1);
              assertThat(pic.extra()).containsEntry("width", 1024);
            });
    assertThat(p.comment("en")).get().extracting(c -> c.comment()).isEqualTo("Lovely villa");
    assertThat(p.areas().get(0).area()).isEqualByComparingTo("35.20");
    assertThat(p.services()).containsExactly(1, 6, 12);
    assertThat(p.createdAt()).isEqualTo(LocalDateTime.of(2024, 1, 15, 9, 30));
    assertThat(p.extra()).containsEntry("virtual_visit", "https://example.test/v");
  }

  @Test
  void propertyFiltersAreSentAsParameters() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/properties"))
            .willReturn(okJson("{\"properties\":[],\"total_items\":0}")));

    client
        .agency(14)
        .properties()
        .step(1)
        .status(2)
        .group(3)
        .since(Instant.ofEpochSecond(1_700_000_000))
        .limit(10)
        .list();

    LoggedRequest r = only("/agencies/14/properties");
    assertThat(r.queryParameter("step").firstValue()).isEqualTo("1");
    assertThat(r.queryParameter("status").firstValue()).isEqualTo("2");
    assertThat(r.queryParameter("group").firstValue()).isEqualTo("3");
    assertThat(r.queryParameter("timestamp").firstValue()).isEqualTo("1700000000");
    assertThat(r.queryParameter("limit").firstValue()).isEqualTo("10");
  }

  @Test
  void localSinceIsParisTime() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/contacts"))
            .willReturn(okJson("{\"contacts\":[],\"total_items\":0}")));

    client.agency(14).contacts().since(LocalDateTime.of(2024, 7, 1, 0, 0)).list();

    // 2024-07-01 00:00 in Paris (UTC+2) is 2024-06-30 22:00 UTC.
    assertThat(only("/agencies/14/contacts").queryParameter("timestamp").firstValue())
        .isEqualTo("1719784800");
  }

  @Test
  void everyEndpointPagesWithItsOwnMaximum() {
    for (String kind : List.of("contacts", "requests", "contracts", "leads", "properties")) {
      wm.stubFor(
          get(urlPathEqualTo("/agencies/14/" + kind))
              .withQueryParam("offset", equalTo("0"))
              .willReturn(
                  okJson("{\"" + kind + "\":[{\"id\":\"1\"},{\"id\":2}],\"total_items\":3}")));
      wm.stubFor(
          get(urlPathEqualTo("/agencies/14/" + kind))
              .withQueryParam("offset", equalTo("2"))
              .willReturn(okJson("{\"" + kind + "\":[{\"id\":3}],\"total_items\":3}")));
    }
    wm.stubFor(
        get(urlPathEqualTo("/agencies"))
            .willReturn(
                okJson(
                    "{\"agencies\":[{\"id\":\"14\",\"name\":\"Agence du"
                        + " Port\",\"active\":\"1\",\"city\":{\"name\":\"Nice\",\"zipcode\":\"06000\"}},{\"id\":\"15\",\"name\":\"Agence"
                        + " des Pins\",\"active\":false}],\"total_items\":2}")));
    var agency = client.agency(14);

    assertThat(agency.contacts().list()).hasSize(3);
    assertThat(agency.requests().list()).hasSize(3);
    assertThat(agency.contracts().list()).hasSize(3);
    assertThat(agency.leads().list()).hasSize(3);
    assertThat(agency.properties().list()).hasSize(3);
    assertThat(client.agencies().list())
        .extracting(Agency::name)
        .containsExactly("Agence du Port", "Agence des Pins");
    assertThat(agency.details()).get().extracting(a -> a.city().zipcode()).isEqualTo("06000");

    assertThat(
            wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/contacts")))
                .get(0)
                .queryParameter("limit")
                .firstValue())
        .isEqualTo("10000");
    assertThat(
            wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/contracts")))
                .get(0)
                .queryParameter("limit")
                .firstValue())
        .isEqualTo("10000");
    assertThat(
            wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/properties")))
                .get(0)
                .queryParameter("limit")
                .firstValue())
        .isEqualTo("1000");
    assertThatThrownBy(() -> agency.properties().pageSize(1001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labelsReadCodesAsWordsInTheChosenCulture() {
    wm.stubFor(
        get(urlPathEqualTo("/catalogs/property_type"))
            .withQueryParam("culture", equalTo("en"))
            .willReturn(
                okJson(
                    "[{\"id\":1,\"name\":\"Apartment\",\"name_plurial\":\"Apartments\",\"culture\":\"en\"},{\"id\":2,\"name\":\"House\",\"culture\":\"en\"}]")));
    wm.stubFor(
        get(urlPathEqualTo("/catalogs/property_type"))
            .withQueryParam("culture", equalTo("fr"))
            .willReturn(
                okJson(
                    "[{\"id\":\"1\",\"name\":\"Appartement\",\"culture\":\"fr\"},{\"id\":\"2\",\"name\":\"Maison\",\"culture\":\"fr\"}]")));
    wm.stubFor(
        get(urlPathEqualTo("/catalogs/user_group"))
            .willReturn(okJson("[{\"id\":1,\"name\":\"x\"}]")));

    assertThat(client.catalog("property_type").label(2)).isEqualTo("House");
    assertThat(client.catalog("property_type").entries().get(0).namePlurial())
        .isEqualTo("Apartments");
    ApimoClient french = client.culture("fr");
    assertThat(french.catalog("property_type").label(1)).isEqualTo("Appartement");
    assertThat(french.label("property_type", 2)).isEqualTo("Maison");
    assertThat(client.label("property_type", 2)).isEqualTo("House");
    assertThat(client.catalog("property_type").label(99)).isEqualTo("99");
    assertThatThrownBy(() -> client.culture("french")).hasMessageContaining("Not a culture");
    assertThatThrownBy(() -> client.catalog("../etc")).hasMessageContaining("Not a catalog name");
  }

  @Test
  void recordLabelsComeFromTheirClientAndARecordReadAloneShowsItsCodes() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/catalogs/property_type"))
            .willReturn(okJson("[{\"id\":1,\"name\":\"Apartment\"}]")));
    wm.stubFor(
        get(urlPathEqualTo("/catalogs/property_step"))
            .willReturn(okJson("[{\"id\":1,\"name\":\"In progress\"}]")));
    client.makeDefault();

    Property p = dev.apimoshell.internal.json.Json.mapper().readValue(PROPERTY, Property.class);

    // No client behind it, and no global one either: the codes as they are.
    assertThat(p.typeLabel()).isEqualTo("1");
    assertThat(p.stepLabel()).isEqualTo("1");
    // Serialising a record must not look labels up.
    wm.resetRequests();
    dev.apimoshell.internal.json.Json.mapper().writeValueAsString(p);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void catalogsComeFromTheDiskCacheOnTheSecondRun() {
    wm.stubFor(
        get(urlPathEqualTo("/catalogs/user_group"))
            .willReturn(okJson("[{\"id\":1,\"name\":\"Agent\"},{\"id\":2,\"name\":\"Manager\"}]")));
    wm.stubFor(
        get(urlPathEqualTo("/catalogs"))
            .willReturn(
                okJson(
                    "[{\"name\":\"user_group\",\"path\":\"/catalogs/user_group\",\"private\":false}]")));

    assertThat(client.catalog("user_group").label(2)).isEqualTo("Manager");
    assertThat(client.catalogs())
        .singleElement()
        .satisfies(c -> assertThat(c.name()).isEqualTo("user_group"));
    assertThat(client.catalog("user_group").label(1)).isEqualTo("Agent");
    assertThat(wm.getAllServeEvents()).hasSize(2);

    ApimoClient nextRun =
        ApimoClient.connect(client.http().config(), new CatalogCache(cacheDir, Duration.ofDays(7)));
    assertThat(nextRun.catalog("user_group").label(2)).isEqualTo("Manager");
    assertThat(nextRun.catalogs()).hasSize(1);
    assertThat(wm.getAllServeEvents()).hasSize(2);

    ApimoClient expired =
        ApimoClient.connect(client.http().config(), new CatalogCache(cacheDir, Duration.ZERO));
    expired.catalog("user_group");
    assertThat(wm.getAllServeEvents()).hasSize(3);
  }

  @Test
  void createActionSendsTheDocumentedBodyAndReturnsTheId() {
    wm.stubFor(
        post(urlPathEqualTo("/agencies/14/actions")).willReturn(okJson("{\"id\":\"19344239\"}")));

    long id =
        client
            .agency(14)
            .createAction(
                NewAction.of(9, LocalDate.of(2026, 11, 28))
                    .type(1)
                    .times(LocalTime.of(9, 30), LocalTime.of(10, 0))
                    .subject("Appel, « rappel »")
                    .contact(8520201));

    assertThat(id).isEqualTo(19344239L);
    wm.verify(
        postRequestedFor(urlPathEqualTo("/agencies/14/actions"))
            .withHeader(
                "Content-Type",
                com.github.tomakehurst.wiremock.client.WireMock.containing("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"user\":9,\"date\":\"2026-11-28\",\"type\":1,\"start_at\":\"09:30\",\"end_at\":\"10:00\",\"contact\":8520201,\"subject\":\"Appel,"
                        + " « rappel »\"}")));
  }

  @Test
  void sendLeadReturnsTheId() {
    wm.stubFor(post(urlPathEqualTo("/agencies/14/leads")).willReturn(okJson("{\"id\":77}")));

    long id =
        client
            .agency(14)
            .sendLead(
                NewLead.of("Lefèvre", "h.lefevre@example.com")
                    .message("Toujours libre ?")
                    .property(86379445));

    assertThat(id).isEqualTo(77);
    wm.verify(
        postRequestedFor(urlPathEqualTo("/agencies/14/leads"))
            .withRequestBody(
                equalToJson(
                    "{\"lastname\":\"Lefèvre\",\"email\":\"h.lefevre@example.com\",\"message\":\"Toujours"
                        + " libre ?\",\"property\":86379445}")));
  }

  @Test
  void writesAreValidatedBeforeAnythingIsSent() {
    assertThatThrownBy(
            () ->
                client
                    .agency(14)
                    .createAction(
                        new NewAction(
                            null,
                            null,
                            null,
                            null,
                            LocalTime.of(10, 0),
                            LocalTime.of(9, 0),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot create an action for user null of agency 14: user is required (the id of the"
                + " agent doing the action); date is required (YYYY-MM-DD); endAt 09:00 is before"
                + " startAt 10:00.");
    assertThatThrownBy(() -> client.agency(14).sendLead(NewLead.of(null, "not-an-email")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("email 'not-an-email' is not an e-mail address");
    assertThatThrownBy(() -> client.agency(14).sendLead(NewLead.of(" ", null)))
        .hasMessageContaining("a lastname or an email is required");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void writesAreNeverRetried() {
    wm.stubFor(
        post(urlPathEqualTo("/agencies/14/actions")).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(
            () -> client.agency(14).createAction(NewAction.of(9, LocalDate.of(2026, 1, 2))))
        .isInstanceOf(ApimoException.class)
        .hasMessageContaining("HTTP 503 for POST /agencies/14/actions");
    wm.verify(1, postRequestedFor(urlPathEqualTo("/agencies/14/actions")));
  }

  @Test
  void aWriteGuardCanRefuseAWrite() {
    var asked = new ArrayList<String>();
    client =
        client.withWriteGuard(
            (target, description) -> asked.add(target + " " + description) && false);

    assertThatThrownBy(() -> client.agency(14).sendLead(NewLead.of("Martin", null)))
        .isInstanceOf(dev.apimoshell.http.WriteRefusedException.class)
        .hasMessageContaining("Not sent");
    assertThat(asked)
        .singleElement()
        .asString()
        .contains("send a lead to agency 14")
        .contains(wm.baseUrl());
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void contactsAndLeadsAreLenient() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/contacts"))
            .willReturn(
                okJson(
                    "{\"contacts\":[{\"id\":\"5\",\"category\":\"1\",\"title\":\"2\",\"lastname\":\"N'Diaye\",\"birthday_at\":\"\","
                        + "\"city\":{\"id\":1,\"name\":\"Lyon\",\"zipcode\":\"69001\"},\"tags\":[3,\"x\"],\"spouse_lastname\":\"Diallo\"}],\"total_items\":1}")));
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/leads"))
            .willReturn(
                okJson(
                    "{\"leads\":[{\"id\":8,\"date\":\"2024-05-06\",\"step\":\"1\",\"type\":2,\"property_reference\":\"VI7\"}],\"total_items\":1}")));

    Contact c = client.agency(14).contacts().first().orElseThrow();
    Lead l = client.agency(14).leads().first().orElseThrow();

    assertThat(c.lastname()).isEqualTo("N'Diaye");
    assertThat(c.birthdayAt()).isNull();
    assertThat(c.city().name()).isEqualTo("Lyon");
    assertThat(c.extra()).containsEntry("spouse_lastname", "Diallo");
    assertThat(l.date()).isEqualTo(LocalDateTime.of(2024, 5, 6, 0, 0));
    assertThat(l.propertyReference()).isEqualTo("VI7");
    assertThat(l.step()).isEqualTo(1);
  }

  @Test
  void priceValuesSurviveTheirTrip() throws Exception {
    Property p = dev.apimoshell.internal.json.Json.mapper().readValue(PROPERTY, Property.class);
    assertThat(p.price().fees()).isEqualTo(new BigDecimal("3.5"));
    assertThat(p.toJson()).contains("\"value\" : 2600000").doesNotContain("\"password\"");
  }
}
