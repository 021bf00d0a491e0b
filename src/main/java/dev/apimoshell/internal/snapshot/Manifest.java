package dev.apimoshell.internal.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.apimoshell.internal.io.AtomicFiles;
import dev.apimoshell.internal.text.ControlChars;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a snapshot folder holds and where it came from: {@code manifest.json}. Never the token.
 *
 * <pre>{@code
 * {"format":1,"tool":"apimo-shell 1.0","created_at":"2026-12-04T15:02:11Z",
 *  "base_url":"https://api.apimo.pro","provider":"1234","agency":14,"cultures":["fr","en"],
 *  "requests":57,"complete":true,
 *  "resources":{"properties":{"file":"properties.ndjson","count":300,
 *                             "timestamp":1764860531,"incremental":true,
 *                             "fetched_at":"2026-12-04T15:02:10Z"}, ...}}
 * }</pre>
 *
 * @param format the folder layout's version, {@link #FORMAT}
 * @param tool the tool and version that wrote it
 * @param createdAt when the capture finished (a refresh keeps it)
 * @param baseUrl the API it was read from ({@link ServerIdentity}: {@code sandbox} for a server on
 *     this machine, whose port changes at each start)
 * @param provider the provider id it was read as
 * @param agency the agency's id
 * @param cultures the cultures its catalogs were saved in
 * @param requests what the capture or the last refresh cost, in requests
 * @param complete false while a capture is under way (an interrupted capture resumes)
 * @param resources per resource name ({@link Resource#listKey()}), what its file holds
 * @param refreshedAt when the last refresh finished; null when never refreshed
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Manifest(
    int format,
    String tool,
    Instant createdAt,
    String baseUrl,
    String provider,
    long agency,
    List<String> cultures,
    long requests,
    boolean complete,
    Map<String, Entry> resources,
    Instant refreshedAt) {

  public static final int FORMAT = 1;
  public static final String FILE_NAME = "manifest.json";

  private static final Pattern CULTURE = Pattern.compile("[a-z]{2,3}([_-][A-Za-z]{2})?");
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  public Manifest {
    cultures = List.copyOf(cultures);
    resources = Map.copyOf(resources);
  }

  /** A manifest never refreshed: what a capture writes. */
  public Manifest(
      int format,
      String tool,
      Instant createdAt,
      String baseUrl,
      String provider,
      long agency,
      List<String> cultures,
      long requests,
      boolean complete,
      Map<String, Entry> resources) {
    this(
        format, tool, createdAt, baseUrl, provider, agency, cultures, requests, complete, resources,
        null);
  }

  /** When its data was read last: the last refresh, else the capture. */
  public Instant dataTime() {
    return refreshedAt != null ? refreshedAt : createdAt;
  }

  /**
   * One resource's file.
   *
   * @param file its NDJSON file, relative to the folder
   * @param count records in it
   * @param timestamp Apimo's {@code timestamp} from the pages read, the earliest (from the count
   *     asked before reading: a refresh then misses nothing changed while the list was read), null
   *     when it sent none (a refresh then uses {@code fetched_at}, less a margin for clocks)
   * @param incremental whether a refresh asks only for what changed since {@code timestamp}
   * @param fetchedAt when its last read from Apimo started
   */
  public record Entry(
      String file, long count, Long timestamp, boolean incremental, Instant fetchedAt) {}

  /**
   * A manifest with a value no capture writes: an agency id out of range, a URL or provider with
   * control characters (escape sequences that would reach a terminal), a file name that leaves the
   * folder. The message names the field, on one line.
   */
  public static final class InvalidException extends IOException {
    InvalidException(String message) {
      super(message);
    }
  }

  /**
   * Reads {@code folder/manifest.json} (a regular file of the folder: {@link FolderFiles}) and
   * checks its values.
   *
   * @throws InvalidException when a value is out of range, naming the field
   */
  public static Manifest read(Path folder) throws IOException {
    Manifest manifest;
    try (InputStream in = FolderFiles.open(folder, FILE_NAME)) {
      manifest = MAPPER.readValue(in, Manifest.class);
    }
    manifest.validate();
    return manifest;
  }

  private void validate() throws InvalidException {
    if (format < 1) {
      throw invalid("format", format);
    }
    if (agency < 1 || agency > Integer.MAX_VALUE) {
      throw invalid("agency", agency + " (an agency id is 1 to " + Integer.MAX_VALUE + ")");
    }
    if (createdAt == null) {
      throw invalid("created_at", null);
    }
    if (baseUrl == null || baseUrl.isBlank()) {
      throw invalid("base_url", baseUrl);
    }
    for (var field :
        new String[][] {{"base_url", baseUrl}, {"provider", provider}, {"tool", tool}}) {
      String value = field[1];
      if (value != null && (value.length() > 2000 || !plainLine(value))) {
        throw new InvalidException(
            FILE_NAME
                + " has control characters in "
                + field[0]
                + " ("
                + ControlChars.visible(value.length() > 80 ? value.substring(0, 80) + "..." : value)
                    .replace("\n", "^J")
                + "): refused, as a capture never writes them");
      }
    }
    if (requests < 0) {
      throw invalid("requests", requests);
    }
    for (String culture : cultures) {
      if (!CULTURE.matcher(culture).matches()) {
        throw invalid("cultures", ControlChars.visible(culture));
      }
    }
    for (var resource : resources.entrySet()) {
      Entry entry = resource.getValue();
      String key = "resources." + ControlChars.visible(resource.getKey());
      try {
        Resource.named(resource.getKey());
      } catch (IllegalArgumentException e) {
        throw invalid(key, "unknown resource");
      }
      if (entry == null || entry.file() == null || !FILE.matcher(entry.file()).matches()) {
        throw invalid(
            key + ".file",
            entry == null || entry.file() == null ? null : ControlChars.visible(entry.file()));
      }
      if (entry.count() < 0) {
        throw invalid(key + ".count", entry.count());
      }
    }
  }

  private static boolean plainLine(String value) {
    return ControlChars.clean(value) && value.indexOf('\n') < 0 && value.indexOf('\t') < 0;
  }

  private static InvalidException invalid(String field, Object value) {
    return new InvalidException(FILE_NAME + " has an invalid " + field + ": " + value);
  }

  /** Writes {@code folder/manifest.json} whole or not at all (beside, then moved). */
  public void write(Path folder) throws IOException {
    AtomicFiles.write(folder.resolve(FILE_NAME), MAPPER.writeValueAsBytes(this));
  }

  /** The entry of {@code resource}, or null when the snapshot does not hold it. */
  public Entry entry(Resource resource) {
    return resources.get(resource.listKey());
  }
}
