package dev.apimoshell.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimoshell.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** When each list was first read, and Apimo's earliest {@code timestamp} seen for it. */
final class CaptureProgress {
  private static final ObjectMapper MAPPER = Json.plain();
  private static final String FILE = "progress.json";
  private final ObjectNode state;

  private CaptureProgress(ObjectNode state) {
    this.state = state;
  }

  static CaptureProgress read(Path work) throws IOException {
    Path file = work.resolve(FILE);
    return new CaptureProgress(
        Files.exists(file)
            ? (ObjectNode) MAPPER.readTree(file.toFile())
            : MAPPER.createObjectNode());
  }

  /**
   * Notes the start of a list's read, or a timestamp seen while reading it (the earliest stays).
   */
  void start(Resource resource, Optional<Instant> serverTime) {
    ObjectNode entry = (ObjectNode) state.get(resource.listKey());
    if (entry == null) {
      entry = state.putObject(resource.listKey());
      entry.put("fetched_at", Capture.now().toString());
    }
    if (serverTime.isPresent()) {
      long seconds = serverTime.get().getEpochSecond();
      JsonNode known = entry.get("timestamp");
      if (known == null || known.asLong() > seconds) {
        entry.put("timestamp", seconds);
      }
    }
  }

  record Started(Long timestamp, Instant fetchedAt) {}

  Started started(Resource resource) {
    JsonNode entry = state.path(resource.listKey());
    JsonNode timestamp = entry.get("timestamp");
    JsonNode fetchedAt = entry.get("fetched_at");
    return new Started(
        timestamp == null ? null : timestamp.asLong(),
        fetchedAt == null ? Instant.now() : Instant.parse(fetchedAt.asText()));
  }

  void write(Path work) throws IOException {
    WorkFolder.write(work.resolve(FILE), MAPPER.writeValueAsBytes(state));
  }

  void delete(Path work) throws IOException {
    Files.deleteIfExists(work.resolve(FILE));
  }
}
