package dev.apimoshell.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final ObjectReader RECORD = MAPPER.readerFor(ObjectNode.class);

  /** The agency's own record, beside the lists. */
  public static final String AGENCY_FILE = "agency.json";

  private final Path path;
  private final Manifest manifest;

  private SnapshotFolder(Path path, Manifest manifest) {
    this.path = path;
    this.manifest = manifest;
  }

  /**
   * Opens the snapshot in {@code folder}.
   *
   * @throws IllegalArgumentException when the folder holds no readable manifest, or one with a
   *     value out of range, in words
   */
  public static SnapshotFolder open(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("No snapshot at " + folder + ": no such folder");
    }
    try {
      Manifest manifest = Manifest.read(folder);
      checkFiles(folder, manifest);
      return new SnapshotFolder(folder, manifest);
    } catch (NoSuchFileException e) {
      if (!e.getMessage().startsWith(Manifest.FILE_NAME)) {
        throw new IllegalArgumentException(
            "Cannot read the snapshot at " + folder + ": " + e.getMessage());
      }
      throw new IllegalArgumentException(
          "No snapshot at " + folder + ": it has no " + Manifest.FILE_NAME);
    } catch (FolderFiles.UnsafeFileException | Manifest.InvalidException e) {
      throw new IllegalArgumentException(
          "Cannot read the snapshot at " + folder + ": " + e.getMessage());
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

  /**
   * Every file the manifest lists is there and is a regular file, and nothing the folder holds is a
   * link, a FIFO or a device: checked before anything is read, so a folder from someone else is
   * refused at once rather than half-read (or a missing list read as "everything removed").
   */
  private static void checkFiles(Path folder, Manifest manifest) throws IOException {
    for (Manifest.Entry entry : manifest.resources().values()) {
      FolderFiles.require(folder, entry.file());
    }
    FolderFiles.find(folder, AGENCY_FILE);
    FolderFiles.folder(folder, "catalogs");
  }

  public Path path() {
    return path;
  }

  public Manifest manifest() {
    return manifest;
  }

  /** The agency's own record, as GET /agencies listed it; empty when the capture kept none. */
  public Optional<ObjectNode> agency() {
    try {
      Optional<Path> file = FolderFiles.find(path, AGENCY_FILE);
      if (file.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          record(
              new String(FolderFiles.readAllBytes(path, AGENCY_FILE), StandardCharsets.UTF_8)
                  .strip()));
    } catch (IOException e) {
      throw new UncheckedIOException(oneLine(e), e);
    } catch (IllegalArgumentException e) {
      throw new UncheckedIOException(
          AGENCY_FILE + " in " + path + " is damaged (" + e.getMessage() + ")",
          new IOException(e.getMessage(), e));
    }
  }

  /**
   * The file of {@code resource} as the manifest names it, checked ({@link FolderFiles}); empty
   * when the manifest lists no such resource and the folder holds no such file.
   *
   * @throws UncheckedIOException when the manifest lists it but its file is missing, or the file is
   *     a link, a FIFO or a device: one line naming the file
   */
  public Optional<Path> file(Resource resource) {
    Manifest.Entry entry = manifest.entry(resource);
    String name = entry == null ? resource.fileName() : entry.file();
    try {
      return entry == null
          ? FolderFiles.find(path, name)
          : Optional.of(FolderFiles.require(path, name));
    } catch (IOException e) {
      throw new UncheckedIOException(oneLine(e), e);
    }
  }

  /**
   * The records of {@code resource}, in file order, read lazily: close the stream (try-with-
   * resources) to close the file. Empty when the snapshot does not hold that resource; an error
   * when a line is not exactly one JSON object.
   */
  public Stream<ObjectNode> records(Resource resource) {
    String name =
        file(resource).map(f -> path.relativize(f).toString()).orElse(resource.fileName());
    long[] number = {0};
    return lines(resource)
        .map(
            line -> {
              number[0]++;
              try {
                return record(line);
              } catch (IllegalArgumentException e) {
                throw new UncheckedIOException(
                    "line "
                        + number[0]
                        + " of "
                        + name
                        + " in "
                        + path
                        + " is damaged ("
                        + e.getMessage()
                        + ")",
                    new IOException(e.getMessage(), e));
              }
            });
  }

  /**
   * The lines of {@code resource}'s file exactly as stored (blank ones skipped), for serving the
   * records byte for byte; close the stream. Empty when the snapshot does not hold that resource.
   */
  public Stream<String> lines(Resource resource) {
    Optional<Path> file = file(resource);
    if (file.isEmpty()) {
      return Stream.empty();
    }
    try {
      BufferedReader reader = FolderFiles.reader(path, path.relativize(file.get()).toString());
      return reader.lines().filter(line -> !line.isBlank()).onClose(() -> close(reader));
    } catch (IOException e) {
      throw new UncheckedIOException(oneLine(e), e);
    }
  }

  /**
   * One line of a snapshot's NDJSON file as its record: exactly one JSON object, nothing after it,
   * no field twice.
   *
   * <pre>{@code SnapshotFolder.record("{\"id\":1} xyz")  // IllegalArgumentException}</pre>
   *
   * @throws IllegalArgumentException saying what is wrong with it, on one line
   */
  public static ObjectNode record(String line) {
    try {
      return object(RECORD.readValue(line));
    } catch (JsonProcessingException e) {
      throw damaged(e);
    }
  }

  /** As {@link #record(String)}, from the line's UTF-8 bytes. */
  static ObjectNode record(byte[] line, int length) {
    try {
      return object(RECORD.readValue(line, 0, length));
    } catch (JsonProcessingException e) {
      throw damaged(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode object(ObjectNode record) {
    if (record == null) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return record;
  }

  private static IllegalArgumentException damaged(JsonProcessingException e) {
    return new IllegalArgumentException(
        e.getOriginalMessage().lines().findFirst().orElse("not JSON").strip());
  }

  /** The GET /catalogs answer, if saved. */
  public Optional<JsonNode> catalogIndex() {
    return readIfPresent("catalogs/index.json");
  }

  /** The GET /catalogs/{name}?culture={culture} answer, if saved ("fr", "en"). */
  public Optional<JsonNode> catalog(String name, String culture) {
    return readIfPresent("catalogs/" + catalogFile(path, name, culture).getFileName());
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

  private Optional<JsonNode> readIfPresent(String name) {
    try {
      if (FolderFiles.find(path, name).isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(MAPPER.readTree(FolderFiles.readAllBytes(path, name)));
    } catch (IOException e) {
      throw new UncheckedIOException(oneLine(e), e);
    }
  }

  /** An I/O failure in one line: the unsafe or missing file named, else the exception. */
  static String oneLine(IOException e) {
    if (e instanceof FolderFiles.UnsafeFileException || e instanceof NoSuchFileException) {
      return e.getMessage();
    }
    String message =
        e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return "cannot read it ("
        + e.getClass().getSimpleName()
        + (message == null ? "" : ": " + message.lines().findFirst().orElse(""))
        + ")";
  }

  private static void close(BufferedReader reader) {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
