package dev.apimoshell.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimoshell.internal.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A snapshot on disk, read-only: its manifest, its records exactly as Apimo sent them, and its
 * catalogs.
 *
 * <p>The layout, shared by capture, refresh, replay and diff:
 *
 * <pre>
 * agency-14/
 *   manifest.json                 {@link Manifest}
 *   agency.json                   the agency's object as GET /agencies listed it
 *   users.ndjson, actions.ndjson, properties.ndjson, contacts.ndjson,
 *   requests.ndjson, contracts.ndjson, leads.ndjson
 *                                 one record per line, the JSON object Apimo sent (fields, order
 *                                 and explicit nulls kept), in the order Apimo paged them
 *   catalogs/index.json           the GET /catalogs answer
 *   catalogs/NAME.CULTURE.json    a GET /catalogs/NAME?culture=CULTURE answer (fr, en)
 * </pre>
 */
public final class SnapshotFolder {
  private static final ObjectMapper MAPPER = Json.plain();
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final ObjectReader RECORD = MAPPER.readerFor(ObjectNode.class);

  private final Path path;
  private final Manifest manifest;

  private SnapshotFolder(Path path, Manifest manifest) {
    this.path = path;
    this.manifest = manifest;
  }

  /**
   * Opens the snapshot in {@code folder}.
   *
   * @throws IllegalArgumentException when the folder holds no readable manifest, in words
   */
  public static SnapshotFolder open(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("No snapshot at " + folder + ": no such folder");
    }
    try {
      return new SnapshotFolder(folder, Manifest.read(folder));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "No snapshot at " + folder + ": it has no " + Manifest.FILE_NAME);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read the snapshot at "
              + folder
              + ": "
              + Manifest.FILE_NAME
              + " is damaged ("
              + e.getMessage().lines().findFirst().orElse("")
              + ")");
    }
  }

  public Path path() {
    return path;
  }

  public Manifest manifest() {
    return manifest;
  }

  /** The agency's own record, as GET /agencies listed it. */
  public ObjectNode agency() {
    return readObject(path.resolve("agency.json"));
  }

  /**
   * The records of {@code resource}, in file order, read lazily: close the stream (try-with-
   * resources) to close the file. Empty when the snapshot does not hold that resource.
   */
  public Stream<ObjectNode> records(Resource resource) {
    Path file = path.resolve(resource.fileName());
    return lines(resource).map(line -> parse(line, file));
  }

  /**
   * The lines of {@code resource}'s file exactly as stored (blank ones skipped), for serving the
   * records byte for byte; close the stream. Empty when the snapshot does not hold that resource.
   */
  public Stream<String> lines(Resource resource) {
    Path file = path.resolve(resource.fileName());
    if (!Files.exists(file)) {
      return Stream.empty();
    }
    try {
      BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      return reader.lines().filter(line -> !line.isBlank()).onClose(() -> close(reader));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** The GET /catalogs answer, if saved. */
  public Optional<JsonNode> catalogIndex() {
    return readIfPresent(path.resolve("catalogs").resolve("index.json"));
  }

  /** The GET /catalogs/{name}?culture={culture} answer, if saved ("fr", "en"). */
  public Optional<JsonNode> catalog(String name, String culture) {
    return readIfPresent(catalogFile(path, name, culture));
  }

  /** Where a catalog's answer is kept in the folder {@code folder}. */
  public static Path catalogFile(Path folder, String name, String culture) {
    return folder.resolve("catalogs").resolve(name + "." + culture + ".json");
  }

  /**
   * What it holds, in words for a banner: {@code agency 14, taken 2026-12-04 15:02 UTC from
   * https://api.apimo.pro}.
   */
  public String describe() {
    return "agency "
        + manifest.agency()
        + ", taken "
        + WHEN.format(manifest.createdAt().atOffset(ZoneOffset.UTC))
        + " UTC from "
        + manifest.baseUrl();
  }

  @Override
  public String toString() {
    return "Snapshot[" + path + ", agency " + manifest.agency() + ", " + manifest.createdAt() + "]";
  }

  private static ObjectNode parse(String line, Path file) {
    try {
      return RECORD.readValue(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(
          "A damaged line in " + file + ": " + e.getOriginalMessage(), e);
    }
  }

  private static Optional<JsonNode> readIfPresent(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static ObjectNode readObject(Path file) {
    try {
      return RECORD.readValue(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static void close(BufferedReader reader) {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
