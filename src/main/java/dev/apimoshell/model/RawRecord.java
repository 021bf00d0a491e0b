package dev.apimoshell.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimoshell.internal.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * One record exactly as Apimo sent it: the bytes of its JSON object in the page (fields, their
 * order, explicit nulls and number spellings kept), and its id for paging's de-duplication. What a
 * snapshot stores; the typed records ({@code User}...) are for reading.
 *
 * <pre>{@code Apimo.agency(14).raw("users").first().map(RawRecord::text)}</pre>
 */
@JsonDeserialize(using = RawRecord.Reader.class)
public final class RawRecord implements ApimoRecord {
  private static final ObjectMapper MAPPER = Json.plain();

  /** The attribute under which the page's body is given to the reader, to copy records from. */
  public static final Object BODY = RawRecord.class;

  private final byte[] json;
  private final long id;

  private RawRecord(byte[] json, long id) {
    this.json = json;
    this.id = id;
  }

  /** A record from one line of a snapshot's NDJSON (an object on one line). */
  public static RawRecord of(byte[] line) {
    try (JsonParser p = MAPPER.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object: " + excerpt(line));
      }
      return new RawRecord(line, idOf(p.readValueAsTree()));
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON object: " + excerpt(line), e);
    }
  }

  /** The id Apimo gave it ({@code "9"} or {@code 9}); 0 when it has none or not a whole number. */
  @Override
  public long id() {
    return id;
  }

  /** Its JSON, on one line, as sent: a copy. */
  public byte[] bytes() {
    return json.clone();
  }

  /** Its JSON as text. */
  public String text() {
    return new String(json, StandardCharsets.UTF_8);
  }

  /** Its JSON as a tree, to look into it; also what tables and exports show of it. */
  @JsonValue
  public ObjectNode tree() {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes its bytes to {@code out}. */
  public void writeTo(java.io.OutputStream out) throws IOException {
    out.write(json);
  }

  @Override
  public Map<String, Object> extra() {
    return Map.of();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawRecord that && Arrays.equals(json, that.json);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(json);
  }

  @Override
  public String toString() {
    return text();
  }

  private static long idOf(JsonNode tree) {
    JsonNode id = tree.get("id");
    return id == null ? 0 : idIn(id.asText());
  }

  /** The id a value's text says: 1 to 18 digits, blanks around allowed; else 0. */
  private static long idIn(String text) {
    String digits = text.strip();
    return digits.matches("\\d{1,18}") ? Long.parseLong(digits) : 0;
  }

  private static String excerpt(byte[] line) {
    String text = new String(line, 0, Math.min(line.length, 60), StandardCharsets.UTF_8);
    return line.length > 60 ? text + "..." : text;
  }

  /**
   * Copies the object's bytes out of the page being parsed; a page Apimo pretty-printed loses the
   * whitespace between tokens, so that each record stays on one line.
   */
  static final class Reader extends JsonDeserializer<RawRecord> {
    @Override
    public RawRecord deserialize(JsonParser p, DeserializationContext context) throws IOException {
      JsonLocation start = p.currentTokenLocation();
      if (p.currentToken() == JsonToken.START_OBJECT
          && context.getAttribute(BODY) instanceof byte[] body
          && start.getByteOffset() >= 0) {
        return cut(p, body, start.getByteOffset());
      }
      JsonNode tree = p.readValueAsTree();
      if (!(tree instanceof ObjectNode)) {
        return context.reportInputMismatch(RawRecord.class, "a record is not a JSON object");
      }
      Object source = context.getAttribute(BODY);
      long from = start.getByteOffset();
      long to = p.currentLocation().getByteOffset();
      byte[] bytes;
      if (source instanceof byte[] body && from >= 0 && to > from && to <= body.length) {
        bytes = oneLine(Arrays.copyOfRange(body, (int) from, (int) to));
      } else {
        bytes = MAPPER.writeValueAsBytes(tree);
      }
      return new RawRecord(bytes, idOf(tree));
    }
  }

  /**
   * The object at the parser cut out of the page's body, read token by token for its id: no tree (a
   * snapshot reads a million of them).
   */
  private static RawRecord cut(JsonParser p, byte[] body, long from) throws IOException {
    long id = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("id")
          && (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT)) {
        id = idIn(p.getText());
      } else {
        p.skipChildren();
      }
    }
    long to = p.currentLocation().getByteOffset();
    return new RawRecord(oneLine(Arrays.copyOfRange(body, (int) from, (int) to)), id);
  }

  /** The JSON without line breaks and the blanks around them outside strings. */
  static byte[] oneLine(byte[] json) {
    boolean multiline = false;
    for (byte b : json) {
      multiline |= b == '\n' || b == '\r';
    }
    if (!multiline) {
      return json;
    }
    var out = new ByteArrayOutputStream(json.length);
    boolean inString = false;
    boolean escaped = false;
    for (byte b : json) {
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
        continue;
      }
      out.write(b);
    }
    return out.toByteArray();
  }
}
