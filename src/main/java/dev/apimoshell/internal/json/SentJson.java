package dev.apimoshell.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The JSON object Apimo sent for one record, byte for byte: what {@code toJson()}, tables and
 * exports write, so that an explicit {@code null}, {@code ""}, {@code []} or {@code {}} stays as
 * sent, an id sent as {@code "9"} stays a string and one sent as {@code 9} a number, and a field
 * Apimo left out stays out. The typed accessors ({@code user.phone()}) read the same object the
 * lenient way ({@link Json}).
 *
 * <p>A record read through {@link Json#mapper()} carries one; a record built in Java has none
 * ({@code sent()} is null) and is written from its typed fields, empty ones left out.
 *
 * <pre>{@code Apimo.agency(14).users().first().get().sent().text()   // {"id":"9","phone":null,...}
 * }</pre>
 *
 * <p>It is given to the record empty while Jackson builds it and filled once, right after, by the
 * reader that knows where the object ended; it never changes after that.
 */
public final class SentJson {
  /**
   * The reader attribute holding the bytes being parsed (a page's body), to copy each record's
   * object from instead of writing it again.
   */
  public static final String PAGE_BODY = "dev.apimoshell.page-body";

  /** What records inject to receive theirs. */
  public static final String KEY = "dev.apimoshell.sent-json";

  private volatile byte[] json;

  SentJson() {}

  /**
   * The object Apimo sent, already cut out of its page: for a record that is not decoded ({@code
   * internal.client.SentRecord}).
   */
  public static SentJson of(byte[] object) {
    var sent = new SentJson();
    sent.fill(object);
    return sent;
  }

  /**
   * Whether records of {@code type} keep what Apimo sent (and are written as that): the model's
   * records.
   */
  public static boolean keptBy(Class<?> type) {
    return AsSent.keepsSent(type);
  }

  /** Sets the bytes, once; a second call is ignored. */
  void fill(byte[] object) {
    if (json == null) {
      json = object;
    }
  }

  /** Whether Apimo's object was kept: false while the record is built, or if it could not be. */
  boolean isFilled() {
    return json != null;
  }

  /** The object as Apimo sent it, compact, without {@code password}; {@code {}} if none kept. */
  public String text() {
    return tree().toString();
  }

  /**
   * The object as a tree, without {@code password} at any depth; an empty one when nothing was
   * kept.
   */
  public ObjectNode tree() {
    byte[] bytes = json;
    if (bytes == null) {
      return Json.mapper().createObjectNode();
    }
    try {
      return (ObjectNode) Json.treeWithoutSecrets(Json.mapper().readTree(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A parser over the object as sent, {@code password} included: for a reader that skips secrets
   * itself (an export). Null when nothing was kept.
   */
  public JsonParser parser() throws IOException {
    byte[] bytes = json;
    return bytes == null ? null : Json.mapper().createParser(bytes);
  }

  /**
   * Writes the object to {@code out} token by token: decimal numbers through {@link
   * java.math.BigDecimal} so that {@code 1.10} stays {@code 1.10}, everything else as parsed.
   */
  void writeTo(JsonGenerator out) throws IOException {
    copy(out, false);
  }

  /**
   * As the record writes it, without {@code password} at any depth (whatever its case): what a JSON
   * export writes, the same as the record's tree without secrets, without building the tree.
   */
  public void writeWithoutSecretsTo(JsonGenerator out) throws IOException {
    copy(out, true);
  }

  private void copy(JsonGenerator out, boolean withoutSecrets) throws IOException {
    try (JsonParser p = Json.mapper().createParser(json)) {
      int depth = 0;
      JsonToken token;
      while ((token = p.nextToken()) != null) {
        if (withoutSecrets && token == JsonToken.FIELD_NAME && Json.isSecret(p.currentName())) {
          p.nextToken();
          p.skipChildren();
          continue;
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
          out.writeNumber(p.getDecimalValue());
        } else {
          out.copyCurrentEvent(p);
        }
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd() && --depth == 0) {
          return;
        }
      }
    }
  }

  /** Equal when the same bytes were sent. */
  @Override
  public boolean equals(Object other) {
    return other instanceof SentJson that && Arrays.equals(json, that.json);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(json);
  }

  /** Never the content, which may hold a password: records print their typed fields. */
  @Override
  public String toString() {
    byte[] bytes = json;
    return bytes == null ? "(not kept)" : "(" + bytes.length + " bytes as sent)";
  }
}
