package dev.apimoshell.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CSV and TSV rows: flattened cells under one header, quoted by jackson-dataformat-csv.
 *
 * <p>The header is the chosen columns or, when none were chosen, the columns of the first row. A
 * later row's cells outside the header are dropped (a CSV line cannot grow columns); missing ones
 * are empty.
 */
final class CsvRowWriter implements RowWriter {
  /** Holds no data binding: it only quotes the string arrays it is given. */
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-[0-9]+(\\.[0-9]+)?");

  private final SequenceWriter lines;
  private final boolean formulaGuard;
  private final boolean labels;
  private List<String> header;

  CsvRowWriter(OutputStream out, char separator, ExportOptions options) throws IOException {
    CsvDialect dialect = options.dialect();
    if (dialect.bom()) {
      out.write(BOM);
    }
    CsvSchema schema =
        CsvSchema.emptySchema()
            .withColumnSeparator(separator)
            .withLineSeparator(dialect.lineEnding())
            .withQuoteChar('"')
            .withoutEscapeChar();
    this.lines =
        CSV.writer(schema)
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .writeValues(out);
    this.formulaGuard = options.formulaGuard();
    this.labels = options.wantsLabels();
    if (!options.columns().isEmpty()) {
      writeHeader(options.columns());
    }
  }

  @Override
  public void write(Object row) throws IOException {
    Map<String, String> cells = Flattener.flatten(row, labels);
    if (header == null) {
      writeHeader(List.copyOf(cells.keySet()));
    }
    var line = new ArrayList<String>(header.size());
    for (String column : header) {
      line.add(guard(cells.getOrDefault(column, "")));
    }
    lines.write(line);
  }

  @Override
  public void finish() throws IOException {
    lines.close();
  }

  private void writeHeader(List<String> columns) throws IOException {
    header = columns;
    lines.write(columns.stream().map(this::guard).toList());
  }

  private String guard(String cell) {
    return formulaGuard ? guarded(cell) : cell;
  }

  /** {@code =1+1} becomes {@code '=1+1}, shown as text by spreadsheets; {@code -3} stays. */
  static String guarded(String cell) {
    if (cell.isEmpty()
        || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0
        || NEGATIVE_NUMBER.matcher(cell).matches()) {
      return cell;
    }
    return "'" + cell;
  }
}
