package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * Writes a paged list response, {@code {"<key>": [...], "total_items": N}}: the generated matches
 * first, then the created (POSTed) ones, with offset and limit applied across both.
 */
final class Listing {

  /** Writes the generated record at an index. */
  @FunctionalInterface
  interface RecordWriter {
    void write(JsonGenerator g, long index) throws IOException;
  }

  /** Fields written after {@code total_items}, such as {@code timestamp}. */
  @FunctionalInterface
  interface Extra {
    void write(JsonGenerator g) throws IOException;
  }

  private Listing() {}

  static Json.Body of(
      String key, Page page, Matches generated, RecordWriter writer, List<ObjectNode> created) {
    return of(key, page, generated, writer, created, g -> {});
  }

  static Json.Body of(
      String key,
      Page page,
      Matches generated,
      RecordWriter writer,
      List<ObjectNode> created,
      Extra extra) {
    return g -> {
      long generatedCount = generated.count();
      long total = generatedCount + created.size();
      g.writeStartObject();
      g.writeArrayFieldStart(key);
      long[] indices =
          page.offset() < generatedCount
              ? generated.slice(page.offset(), page.limit())
              : new long[0];
      for (long index : indices) {
        writer.write(g, index);
      }
      long createdFrom = Math.max(0, page.offset() - generatedCount);
      long createdTo = Math.min(created.size(), createdFrom + page.limit() - indices.length);
      for (long i = createdFrom; i < createdTo; i++) {
        g.writeTree(created.get((int) i));
      }
      g.writeEndArray();
      g.writeNumberField("total_items", total);
      extra.write(g);
      g.writeEndObject();
    };
  }
}
