package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The sandbox's one JSON configuration, and a way to render a response body to bytes. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Writes one JSON value; may throw {@link HttpError} before anything is sent. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private Json() {}

  static byte[] render(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] error(String message) {
    return render(
        g -> {
          g.writeStartObject();
          g.writeStringField("error", message);
          g.writeEndObject();
        });
  }

  /** Apimo sends most ids as strings; null stays null. */
  static void idField(JsonGenerator g, String name, Long id) throws IOException {
    g.writeStringField(name, id == null ? null : Long.toString(id));
  }
}
