package dev.apimoshell.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.sandbox.SandboxOptions;
import dev.apimoshell.testing.SandboxClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture of sandbox agency 58 (a tenth of agency 14: the catalogs are the same), replayed: every
 * catalog request the live sandbox answers, the replay answers alike, so a client that labels each
 * coded field (even those the typed records do not name, such as {@code plot.land_type}) labels
 * offline what it labelled live.
 */
class CaptureReplayCatalogsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir static Path dir;
  private static Sandbox live;
  private static Sandbox replay;
  private static Path target;

  @BeforeAll
  static void captureAndReplay() {
    live = Sandbox.start();
    ApimoClient client = SandboxClients.unthrottled(live);
    target = dir.resolve("agency-58");
    new Capture(
            client.agency(58),
            target,
            0,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run();
    replay = Sandbox.start(SandboxOptions.snapshot(target));
  }

  @AfterAll
  static void stop() {
    live.close();
    replay.close();
  }

  @Test
  void everyCatalogTheLiveSandboxAnswersTheReplayAnswersAlikeInEveryCulture() throws Exception {
    List<String> answered = new ArrayList<>();
    for (JsonNode info : MAPPER.readTree(get(live, "/catalogs").body())) {
      String name = info.get("name").textValue();
      for (String culture : List.of("fr", "en", "fr_FR", "en_GB", "de", "it")) {
        String path = "/catalogs/" + name + "?culture=" + culture;
        HttpResponse<String> fromLive = get(live, path);
        if (fromLive.statusCode() == 200) {
          HttpResponse<String> fromReplay = get(replay, path);
          assertThat(fromReplay.statusCode()).as(path).isEqualTo(200);
          assertThat(fromReplay.body()).as(path).isEqualTo(fromLive.body());
          answered.add(name);
        }
      }
    }
    assertThat(answered).contains("property_land", "referral", "property_location", "lead_step");
  }

  @Test
  void everyLandTypeOfTheCapturedPropertiesHasItsLabelInTheReplay() throws Exception {
    Set<String> landTypes = new TreeSet<>();
    for (String line : Files.readAllLines(target.resolve("properties.ndjson"))) {
      JsonNode landType = MAPPER.readTree(line).path("plot").path("land_type");
      if (landType.isNumber()) {
        landTypes.add(landType.asText());
      }
    }
    assertThat(landTypes).isNotEmpty();
    for (String culture : List.of("fr", "en")) {
      JsonNode catalog =
          MAPPER.readTree(get(replay, "/catalogs/property_land?culture=" + culture).body());
      assertThat(catalog.findValuesAsText("id")).as(culture).containsAll(landTypes);
    }
  }

  @Test
  void theReplaysListNamesExactlyTheCatalogsItServesUnderItsOwnAddress() throws Exception {
    JsonNode listed = MAPPER.readTree(get(replay, "/catalogs").body());
    Set<String> held = new TreeSet<>();
    try (var files = Files.list(target.resolve("catalogs"))) {
      files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".en.json"))
          .forEach(f -> held.add(f.substring(0, f.length() - ".en.json".length())));
    }
    assertThat(new TreeSet<>(listed.findValuesAsText("name"))).isEqualTo(held);
    assertThat(listed.size()).isEqualTo(MAPPER.readTree(get(live, "/catalogs").body()).size());
    for (JsonNode info : listed) {
      String path = info.get("path").textValue();
      assertThat(path).startsWith(replay.baseUrl() + "/catalogs/");
      assertThat(get(replay, path.substring(replay.baseUrl().length())).statusCode())
          .as(path)
          .isEqualTo(200);
    }
  }

  private static HttpResponse<String> get(Sandbox sandbox, String path)
      throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (sandbox.provider() + ":" + sandbox.token()).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .header("Authorization", "Basic " + basic)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
