package dev.apimoshell.internal.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimoshell.internal.client.SentRecord;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.internal.json.SentJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON rows, nested as the records are (no flattening, every field kept but {@code password}),
 * streamed through a {@link SequenceWriter}:
 *
 * <ul>
 *   <li>JSON: one array, one record a line, so that {@code grep} and diffs work on it;
 *   <li>NDJSON: one record a line and a final newline.
 * </ul>
 *
 * Chosen columns keep their nesting: {@code properties.price} writes {@code
 * {"properties":{"price":2600000}}}.
 */
final class JsonRowWriter implements RowWriter {
  private final OutputStream out;
  private final boolean lineDelimited;
  private final List<String> columns;
  private final SequenceWriter records;
  private final boolean labels;
  private long count;
  private final BitSet found = new BitSet();

  JsonRowWriter(OutputStream out, boolean lineDelimited, List<String> columns, boolean labels)
      throws IOException {
    this.labels = labels;
    this.out = out;
    this.lineDelimited = lineDelimited;
    this.columns = columns;
    ObjectWriter writer =
        Json.mapper()
            .writer()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .without(SerializationFeature.INDENT_OUTPUT);
    this.records =
        lineDelimited
            ? writer.withRootValueSeparator("\n").writeValues(out)
            : writer.with(new OneRecordPerLine()).writeValuesAsArray(out);
  }

  @Override
  public void write(Object row) throws IOException {
    if (columns.isEmpty() && !labels && row instanceof SentRecord sent) {
      records.write(new Copied(sent.sent())); // as its tree would be written, with no tree
      count++;
      return;
    }
    JsonNode tree = Flattener.tree(row, labels);
    records.write(columns.isEmpty() ? tree : project(tree, columns, found));
    count++;
  }

  @Override
  public Set<String> columnsInNoRow() {
    var absent = new LinkedHashSet<String>();
    for (int i = 0; i < columns.size(); i++) {
      if (!found.get(i)) {
        absent.add(columns.get(i));
      }
    }
    return absent;
  }

  @Override
  public void finish() throws IOException {
    records.close();
    if (!lineDelimited || count > 0) {
      out.write('\n');
    }
  }

  /**
   * Only the chosen columns, in their order, nested again; a missing one is null. Sets in {@code
   * found} the index of each column the tree has.
   */
  private static ObjectNode project(JsonNode tree, List<String> columns, BitSet found) {
    ObjectNode projected = Json.mapper().createObjectNode();
    for (int c = 0; c < columns.size(); c++) {
      String column = columns.get(c);
      if (tree.has(column)) {
        projected.set(column, tree.get(column));
        found.set(c);
        continue;
      }
      String[] path = column.split("\\.");
      JsonNode value = tree;
      ObjectNode parent = projected;
      for (int i = 0; i < path.length; i++) {
        value = value.path(path[i]);
        if (i < path.length - 1) {
          parent =
              parent.get(path[i]) instanceof ObjectNode existing
                  ? existing
                  : parent.putObject(path[i]);
        }
      }
      if (!value.isMissingNode()) {
        found.set(c);
      }
      parent.set(path[path.length - 1], value.isMissingNode() ? null : value);
    }
    return projected;
  }

  /** A record left as sent, copied token by token into the file without {@code password}. */
  private static final class Copied extends JsonSerializable.Base {
    private final SentJson sent;

    Copied(SentJson sent) {
      this.sent = sent;
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
      sent.writeWithoutSecretsTo(g);
    }

    @Override
    public void serializeWithType(
        JsonGenerator g, SerializerProvider provider, TypeSerializer typeSerializer)
        throws IOException {
      serialize(g, provider);
    }
  }

  /** Compact records, but a line break around each element of the top-level array. */
  private static final class OneRecordPerLine extends MinimalPrettyPrinter {
    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      super.writeStartArray(g);
      if (topLevel(g)) {
        g.writeRaw('\n');
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      super.writeArrayValueSeparator(g);
      if (topLevel(g)) {
        g.writeRaw('\n');
      }
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      if (topLevel(g) && values > 0) {
        g.writeRaw('\n');
      }
      super.writeEndArray(g, values);
    }

    private static boolean topLevel(JsonGenerator g) {
      JsonStreamContext parent = g.getOutputContext().getParent();
      return parent != null && parent.inRoot();
    }
  }
}
