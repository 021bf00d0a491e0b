package dev.apimoshell.internal.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.apimoshell.export.CsvDialect;
import dev.apimoshell.export.ExportOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV and TSV rows: flattened cells under one header, quoted by jackson-dataformat-csv, each cell
 * made safe by {@link CsvCells}.
 *
 * <p>The header is the chosen columns or, when none were chosen, every column of every row: for
 * records, their type's documented columns first, whatever the values, then the others in the order
 * first seen ({@link Columns#shape}, the rule in full). Rows are written as they come, in constant
 * memory; a column first seen after the header was written is added at the end of the later lines,
 * and {@link #secondPass} then rewrites the file once with the full header, the new column placed
 * beside its neighbours and earlier lines padded. Without chosen columns the first {@value
 * #LOOK_AHEAD} rows are held back until their columns are known, so that records leaving out empty
 * fields (a query's, Apimo's) seldom need that pass.
 */
final class CsvRowWriter implements RowWriter {
  /** Holds no data binding: it only quotes the string arrays it is given. */
  private static final CsvMapper CSV =
      CsvMapper.builder()
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .disable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
          .disable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .build();

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** Rows held back to find the header: a page of actions, a few MB at most. */
  static final int LOOK_AHEAD = 1000;

  private final CsvSchema schema;
  private final SequenceWriter lines;
  private final CsvCells cells;
  private final boolean labels;
  private final char decimalSeparator;
  private final boolean bom;
  private final boolean chosen;

  /** The columns in the order lines are written: the header's, then any found later. */
  private List<String> written;

  /** The same columns in the order of the final header: a late column beside its neighbours. */
  private List<String> header;

  private int headerWidth;

  /** The written columns, for a fast look-up. */
  private final Set<String> columns = new HashSet<>();

  /** Names of nested objects that were null in some row, such as {@code city}: not columns. */
  private final Set<String> parents = new HashSet<>();

  /** Indexes in {@link #written} of the columns some row had, and had with a non-empty value. */
  private final BitSet found = new BitSet();

  private final BitSet filled = new BitSet();

  /** The cells of the last {@link #line} found in its row: fewer than the row has, a new column. */
  private int hits;

  /** Rows flattened before the header is written; null once it is. */
  private List<Map<String, String>> pending;

  /** Whether a column was added after the first row's. */
  private boolean grew;

  /** The row type's documented columns, which are the header whatever the values; may be empty. */
  private final Set<String> shape;

  /**
   * @param rowType the class of the rows, whose documented columns ({@link Columns#shape}) lead the
   *     header; null when unknown
   */
  CsvRowWriter(OutputStream out, char separator, ExportOptions options, Class<?> rowType)
      throws IOException {
    CsvDialect dialect = options.dialect();
    this.bom = dialect.bom();
    if (bom) {
      out.write(BOM);
    }
    this.schema =
        CsvSchema.emptySchema()
            .withColumnSeparator(separator)
            .withLineSeparator(dialect.lineEnding())
            .withQuoteChar('"')
            .withoutEscapeChar();
    this.lines = open(out);
    this.cells = new CsvCells(dialect, options.formulaGuard());
    this.labels = options.wantsLabels();
    this.decimalSeparator = dialect.decimalSeparator();
    this.chosen = !options.columns().isEmpty();
    List<String> documented = chosen ? List.of() : Columns.shape(rowType, labels);
    this.shape = Set.copyOf(documented);
    if (chosen) {
      writeHeader(options.columns());
    } else {
      pending = new ArrayList<>();
      if (!documented.isEmpty()) {
        written = documented;
        header = documented;
        columns.addAll(documented);
      }
    }
  }

  @Override
  public void write(Object row) throws IOException {
    Map<String, String> values =
        Flattener.flatten(row, labels, decimalSeparator, written == null ? 16 : written.size());
    if (pending != null) {
      lookAhead(values);
      return;
    }
    String[] line = line(values);
    if (!chosen && hits < values.size() && addColumns(values)) {
      line = line(values);
    }
    writeLine(lines, line);
  }

  /** Learns the columns of a held-back row; the header is written once enough rows are known. */
  private void lookAhead(Map<String, String> values) throws IOException {
    if (written == null) {
      written = List.copyOf(values.keySet());
      header = written;
      columns.addAll(written);
    } else if (!columns.containsAll(values.keySet())) {
      addColumns(values);
    }
    pending.add(values);
    if (pending.size() >= LOOK_AHEAD) {
      writePending();
    }
  }

  /** The header in its final order so far, then the held-back rows under it. */
  private void writePending() throws IOException {
    List<Map<String, String>> rows = pending;
    pending = null;
    if (written == null) {
      return;
    }
    writeHeader(List.copyOf(header));
    for (Map<String, String> values : rows) {
      writeLine(lines, line(values));
    }
  }

  /** A line of no cells would be written as nothing at all: it is an empty line. */
  private static void writeLine(SequenceWriter writer, String[] line) throws IOException {
    writer.write(line.length == 0 ? new String[] {""} : line);
  }

  private String[] line(Map<String, String> values) {
    var line = new String[written.size()];
    hits = 0;
    for (int i = 0; i < line.length; i++) {
      String value = values.get(written.get(i));
      if (value == null) {
        line[i] = "";
      } else {
        line[i] = cells.safe(value);
        found.set(i);
        hits++;
        if (!value.isEmpty()) {
          filled.set(i);
        }
      }
    }
    return line;
  }

  /**
   * Adds the columns of {@code values} not seen before: after the documented ones in the order seen
   * when the rows have a documented shape, else each placed after the one before it in the row. A
   * null or empty object ({@code city} null, {@code []} or {@code {}}, when {@code city.id} is a
   * column) is not a column.
   *
   * @return whether any was added
   */
  private boolean addColumns(Map<String, String> values) {
    var fresh = new ArrayList<String>();
    for (Map.Entry<String, String> value : values.entrySet()) {
      String column = value.getKey();
      if (!columns.contains(column) && !(isEmpty(value.getValue()) && isParentOfAColumn(column))) {
        fresh.add(column);
      }
    }
    if (fresh.isEmpty()) {
      return false;
    }
    grew = true;
    written = new ArrayList<>(written);
    header = new ArrayList<>(header);
    String previous = null;
    for (String column : values.keySet()) {
      if (fresh.contains(column)) {
        written.add(column);
        columns.add(column);
        header.add(
            !shape.isEmpty() ? header.size() : previous == null ? 0 : header.indexOf(previous) + 1,
            column);
      }
      previous = column;
    }
    return true;
  }

  /** A cell that says "no object": empty, or PHP's empty array or object. */
  private static boolean isEmpty(String cell) {
    return cell.isEmpty() || cell.equals("[]") || cell.equals("{}");
  }

  private boolean isParentOfAColumn(String column) {
    if (parents.contains(column)) {
      return true;
    }
    String prefix = column + ".";
    if (written.stream().anyMatch(c -> c.startsWith(prefix))) {
      parents.add(column);
      return true;
    }
    return false;
  }

  @Override
  public void finish() throws IOException {
    if (pending != null) {
      writePending();
    }
    lines.close();
  }

  @Override
  public Set<String> columnsInNoRow() {
    var absent = new LinkedHashSet<String>();
    for (int i = 0; written != null && i < written.size(); i++) {
      if (!found.get(i)) {
        absent.add(written.get(i));
      }
    }
    return absent;
  }

  @Override
  public boolean needsSecondPass() {
    return written != null
        && (written.size() > headerWidth || grew && !withoutEmptyParents().equals(written));
  }

  /**
   * Copies the first pass under the full header: each line's cells, already made safe, moved to
   * their column of the header and padded with empty cells.
   */
  @Override
  public void secondPass(InputStream firstPass, OutputStream out) throws IOException {
    if (bom) {
      firstPass.skipNBytes(BOM.length);
      out.write(BOM);
    }
    List<String> header = withoutEmptyParents();
    int[] from = header.stream().mapToInt(written::indexOf).toArray();
    ObjectReader reader = CSV.readerFor(String[].class).with(schema);
    try (SequenceWriter wide = open(out);
        MappingIterator<String[]> old = reader.readValues(firstPass)) {
      writeLine(wide, header.stream().map(cells::safe).toArray(String[]::new));
      Iterator<String[]> rows = old;
      rows.next();
      while (rows.hasNext()) {
        String[] cellsOfRow = rows.next();
        var line = new String[from.length];
        for (int i = 0; i < line.length; i++) {
          line[i] = from[i] < cellsOfRow.length ? cellsOfRow[from[i]] : "";
        }
        writeLine(wide, line);
      }
    }
  }

  /**
   * The header without the always-empty columns of objects that later rows had ({@code city}, once
   * {@code city.id} and {@code city.name} are columns).
   */
  private List<String> withoutEmptyParents() {
    return header.stream()
        .filter(
            column ->
                shape.contains(column)
                    || filled.get(written.indexOf(column))
                    || header.stream().noneMatch(other -> other.startsWith(column + ".")))
        .toList();
  }

  private SequenceWriter open(OutputStream out) throws IOException {
    return CSV.writer(schema)
        .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
        .writeValues(out);
  }

  private void writeHeader(List<String> columns) throws IOException {
    written = columns;
    header = columns;
    headerWidth = columns.size();
    this.columns.addAll(columns);
    writeLine(lines, columns.stream().map(cells::safe).toArray(String[]::new));
  }
}
