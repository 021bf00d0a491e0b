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

  /**
   * An error body as Apimo sends one, {@code {"status":404,"title":"Not Found","message":"..."}},
   * plus {@code "error"} with the same message, which the sandbox sent before and clients of it may
   * read.
   */
  static byte[] error(int status, String message) {
    return render(
        g -> {
          g.writeStartObject();
          g.writeNumberField("status", status);
          g.writeStringField("title", title(status));
          g.writeStringField("message", message);
          g.writeStringField("error", message);
          g.writeEndObject();
        });
  }

  /** The reason phrase of the statuses the sandbox answers with. */
  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Payload Too Large";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      default -> "Error " + status;
    };
  }

  /** Apimo sends most ids as strings; null stays null. */
  static void idField(JsonGenerator g, String name, Long id) throws IOException {
    g.writeStringField(name, id == null ? null : Long.toString(id));
  }
}
