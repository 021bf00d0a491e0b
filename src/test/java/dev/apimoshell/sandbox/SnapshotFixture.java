package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimoshell.internal.snapshot.Manifest;
import dev.apimoshell.internal.snapshot.Resource;
import dev.apimoshell.internal.snapshot.SnapshotFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a snapshot folder of one agency of a running sandbox, by plain HTTP and without the
 * project's client: every record byte for byte as the sandbox sent it (cut out of the page by the
 * parser's offsets, never re-serialised), in paging order. A stand-in for the capture, so replay is
 * tested on its own. Example: {@code SnapshotFixture.write(live, 14, dir, "property_type")}.
 */
public final class SnapshotFixture {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private final Sandbox live;
  private long requests;

  private SnapshotFixture(Sandbox live) {
    this.live = live;
  }

  /**
   * Captures {@code agency} of {@code live} into {@code folder}, with the catalogs named (fr and
   * en) and the list of catalogs.
   */
  public static Path write(Sandbox live, long agency, Path folder, String... catalogs)
      throws IOException {
    return new SnapshotFixture(live).capture(agency, folder, catalogs);
  }

  private Path capture(long agency, Path folder, String... catalogs) throws IOException {
    Files.createDirectories(folder.resolve("catalogs"));
    String prefix = "/agencies/" + agency + "/";
    Map<String, Manifest.Entry> entries = new LinkedHashMap<>();
    Instant now = Instant.now();
    Captured users = pages(prefix + "users", "users", 10_000);
    entries.put("users", save(folder, Resource.USERS, users, now));
    Captured actions = new Captured(new ArrayList<>(), null);
    for (String user : users.records()) {
      Captured own =
          pages(
              prefix + "users/" + MAPPER.readTree(user).path("id").asText() + "/actions",
              "actions",
              1000);
      actions.records().addAll(own.records());
    }
    entries.put("actions", save(folder, Resource.ACTIONS, actions, now));
    entries.put(
        "properties",
        save(folder, Resource.PROPERTIES, pages(prefix + "properties", "properties", 1000), now));
    entries.put(
        "contacts",
        save(folder, Resource.CONTACTS, pages(prefix + "contacts", "contacts", 10_000), now));
    entries.put(
        "requests",
        save(folder, Resource.REQUESTS, pages(prefix + "requests", "requests", 1000), now));
    entries.put(
        "contracts",
        save(folder, Resource.CONTRACTS, pages(prefix + "contracts", "contracts", 10_000), now));
    entries.put("leads", save(folder, Resource.LEADS, pages(prefix + "leads", "leads", 1000), now));
    for (String one : pages("/agencies", "agencies", 1000).records()) {
      if (MAPPER.readTree(one).path("id").asText().equals(String.valueOf(agency))) {
        Files.writeString(folder.resolve("agency.json"), one + "\n");
      }
    }
    Files.write(folder.resolve("catalogs").resolve("index.json"), get("/catalogs"));
    for (String name : catalogs) {
      for (String culture : List.of("fr", "en")) {
        Files.write(
            SnapshotFolder.catalogFile(folder, name, culture),
            get("/catalogs/" + name + "?culture=" + culture));
      }
    }
    new Manifest(
            Manifest.FORMAT,
            "apimo-shell test fixture",
            now,
            live.baseUrl(),
            live.provider(),
            agency,
            List.of("fr", "en"),
            requests,
            true,
            entries)
        .write(folder);
    return folder;
  }

  private record Captured(List<String> records, Long timestamp) {}

  private static Manifest.Entry save(Path folder, Resource resource, Captured captured, Instant at)
      throws IOException {
    StringBuilder ndjson = new StringBuilder();
    captured.records().forEach(r -> ndjson.append(r).append('\n'));
    Files.writeString(folder.resolve(resource.fileName()), ndjson);
    return new Manifest.Entry(
        resource.fileName(),
        captured.records().size(),
        captured.timestamp(),
        resource.incremental(),
        at);
  }

  /** Every page of a list, until {@code offset >= total_items}. */
  private Captured pages(String path, String key, int limit) throws IOException {
    List<String> records = new ArrayList<>();
    Long timestamp = null;
    long total;
    do {
      byte[] body = get(path + "?limit=" + limit + "&offset=" + records.size());
      JsonNode page = MAPPER.readTree(body);
      total = page.path("total_items").asLong();
      timestamp = page.has("timestamp") ? page.get("timestamp").asLong() : null;
      List<String> found = rawElements(body, key);
      if (found.isEmpty()) {
        break;
      }
      records.addAll(found);
    } while (records.size() < total);
    return new Captured(records, timestamp);
  }

  /** The objects of the array {@code key}, each exactly as its bytes stand in {@code body}. */
  static List<String> rawElements(byte[] body, String key) throws IOException {
    List<String> elements = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(body)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.getCurrentName();
        p.nextToken();
        if (!field.equals(key)) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          int start = (int) p.getTokenLocation().getByteOffset();
          p.skipChildren();
          int end = (int) p.getCurrentLocation().getByteOffset();
          elements.add(new String(body, start, end - start, StandardCharsets.UTF_8));
        }
      }
    }
    return elements;
  }

  private byte[] get(String pathAndQuery) {
    requests++;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(live.baseUrl() + pathAndQuery))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (live.provider() + ":" + live.token())
                                .getBytes(StandardCharsets.UTF_8)))
            .build();
    try {
      HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(pathAndQuery + ": " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
