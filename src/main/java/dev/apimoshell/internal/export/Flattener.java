package dev.apimoshell.internal.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.apimoshell.export.ExportOptions;
import dev.apimoshell.internal.client.SentRecord;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.internal.json.Labels;
import dev.apimoshell.model.ApimoRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one row into the flat cells of a spreadsheet line.
 *
 * <p>The row goes through {@code Json.mapper()} first, so what you see is what the JSON would say:
 * {@code created_at} rather than {@code createdAt}, dates as {@code 2008-02-05 17:53:03}, and the
 * fields a record keeps in its {@code extra} map as ordinary columns. Then:
 *
 * <ul>
 *   <li>nested objects become dotted columns: {@code properties.price}; an empty one is the cell
 *       {@code {}};
 *   <li>lists stay in one cell as compact JSON: {@code ["a","b"]};
 *   <li>null becomes an empty cell;
 *   <li>{@code password} is left out, at any depth, whatever its case.
 * </ul>
 *
 * <pre>{@code
 * Flattener.flatten(action)
 *   // {id=19344999, type=2, ..., properties.id=233030, properties.price=2600000, ...}
 * }</pre>
 *
 * A row that is not an object (a string, a number) becomes the single column {@code value}.
 */
public final class Flattener {
  /** The column a row gets when it is a plain value rather than an object. */
  public static final String VALUE_COLUMN = "value";

  private static final ObjectWriter WRITER = Json.mapper().writer();

  /** The cell of an object with no field (Apimo's {@code {}}, or one that only held a secret). */
  static final String EMPTY_OBJECT = "{}";

  private Flattener() {}

  /** The cells of {@code row}, in the order Jackson writes its properties. */
  public static LinkedHashMap<String, String> flatten(Object row) {
    return flatten(row, false);
  }

  /**
   * As {@link #flatten(Object)}, with a {@code <field>_label} cell after each catalog code when
   * asked.
   */
  public static LinkedHashMap<String, String> flatten(Object row, boolean labels) {
    return flatten(row, labels, '.');
  }

  /**
   * As {@link #flatten(Object, boolean)}, decimal numbers written with {@code decimalSeparator}:
   * {@code 43,566} for French spreadsheets.
   */
  public static LinkedHashMap<String, String> flatten(
      Object row, boolean labels, char decimalSeparator) {
    return flatten(row, labels, decimalSeparator, 16);
  }

  /** As above, room made for {@code expectedCells} (the previous row's) at once. */
  static LinkedHashMap<String, String> flatten(
      Object row, boolean labels, char decimalSeparator, int expectedCells) {
    var cells = new LinkedHashMap<String, String>(expectedCells * 4 / 3 + 1);
    if (labels) {
      JsonNode tree = tree(row, true);
      if (tree.isObject()) {
        flattenInto(cells, "", tree, decimalSeparator);
      } else if (!tree.isNull() && !tree.isMissingNode()) {
        cells.put(VALUE_COLUMN, cell(tree, decimalSeparator));
      }
      return cells;
    }
    if (row instanceof SentRecord sent) {
      // An export without where(...): the object as Apimo sent it, straight from its bytes.
      try (JsonParser p = sent.sent().parser()) {
        TokenFlattener.flatten(p, cells, decimalSeparator, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return cells;
    }
    // Any other row: read its serialised tokens directly, without building a tree per row.
    try (var buffer = new TokenBuffer(Json.mapper(), false)) {
      WRITER.writeValue(buffer, row);
      try (JsonParser p = buffer.asParser(Json.mapper())) {
        TokenFlattener.flatten(p, cells, decimalSeparator, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cells;
  }

  /**
   * The class whose documented columns lead a CSV header of rows like {@code row}: the model type
   * of a record left as sent, else the row's own class.
   */
  static Class<?> rowType(Object row) {
    return row instanceof SentRecord sent ? sent.type() : row.getClass();
  }

  /**
   * The JSON tree of {@code row} without any {@code password}: what JSON exports write. Never
   * returns Java null: a null row is a {@code NullNode}.
   */
  public static JsonNode tree(Object row) {
    return Json.treeWithoutSecrets(row);
  }

  /**
   * As {@link #tree(Object)}; with {@code labels}, each catalog code of an Apimo record, nested
   * ones included, is followed by its word from the catalogs of the client that fetched the record:
   * {@code "group": 2, "group_label": "Agency manager"}, {@code "floor": {"type": 3, "type_label":
   * "Ground floor"}}.
   */
  public static JsonNode tree(Object row, boolean labels) {
    JsonNode tree = tree(row);
    if (!labels
        || !(row instanceof ApimoRecord record)
        || !(tree instanceof ObjectNode object)
        || record.codeCatalogs().isEmpty()) {
      return tree;
    }
    return Labels.addTo(object, record.codeCatalogs(), record.labelSource());
  }

  /** {@code group} -> {@code group_label}. */
  public static String labelColumn(String field) {
    return field + "_label";
  }

  /** Whether any of these columns asks for a label. */
  public static boolean wantsLabels(List<String> columns) {
    return columns.stream().anyMatch(c -> c.endsWith(ExportOptions.LABEL_SUFFIX));
  }

  private static void flattenInto(
      Map<String, String> cells, String prefix, JsonNode object, char decimalSeparator) {
    if (object.isEmpty() && !prefix.isEmpty()) {
      cells.put(prefix.substring(0, prefix.length() - 1), EMPTY_OBJECT);
      return;
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String column = prefix + field.getKey();
      if (field.getValue().isObject()) {
        flattenInto(cells, column + ".", field.getValue(), decimalSeparator);
      } else {
        cells.put(column, cell(field.getValue(), decimalSeparator));
      }
    }
  }

  /** The text of one value as a person reads it: no quotes, no exponent, empty for null. */
  static String cell(JsonNode value) {
    return cell(value, '.');
  }

  static String cell(JsonNode value, char decimalSeparator) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isContainerNode()) {
      return value.toString();
    }
    if (value.isFloat() && Float.isFinite(value.floatValue())) {
      return floating(new BigDecimal(Float.toString(value.floatValue())), decimalSeparator);
    }
    if (value.isBigDecimal()) {
      return decimal(value.decimalValue(), decimalSeparator);
    }
    if (value.isFloatingPointNumber() && Double.isFinite(value.doubleValue())) {
      return floating(value.decimalValue(), decimalSeparator);
    }
    return value.asText();
  }

  /**
   * A {@code double} as written by a person: no trailing zeros past the first decimal ({@code
   * 0.0000001}, not {@code 0.00000010}; {@code 10.0} stays). A {@code float} comes here with its
   * own digits ({@code 0.1}, not {@code 0.10000000149011612}); a {@code BigDecimal} keeps its
   * scale.
   */
  static String floating(BigDecimal value, char decimalSeparator) {
    String text = value.toPlainString();
    if (text.indexOf('.') >= 0) {
      text = text.replaceFirst("(\\.[0-9]*?[1-9]|\\.0)0+$", "$1");
    }
    return decimalSeparator == '.' ? text : text.replace('.', decimalSeparator);
  }

  static String decimal(BigDecimal value, char decimalSeparator) {
    String text = value.toPlainString();
    return decimalSeparator == '.' ? text : text.replace('.', decimalSeparator);
  }
}
