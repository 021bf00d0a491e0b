package dev.apimoshell.internal.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.apimoshell.internal.json.Json;
import java.io.IOException;
import java.util.Map;

/**
 * The {@link Flattener}'s rules applied to a row read token by token, without a tree: a record
 * serialised into a token buffer, or the object Apimo sent, read from its bytes (an export without
 * {@code where(...)}). Both give the same cells for the same record.
 *
 * <pre>{@code
 * try (JsonParser p = Json.mapper().createParser(bytes)) {
 *   TokenFlattener.flatten(p, cells, '.', true);   // {id=7, properties.price=2600000, ...}
 * }
 * }</pre>
 */
final class TokenFlattener {
  private TokenFlattener() {}

  /**
   * Adds the cells of the value at the parser's next token to {@code cells}: an object's columns, a
   * plain value's {@link Flattener#VALUE_COLUMN}, nothing for null.
   *
   * @param asSent whether the tokens are the text Apimo sent rather than a record's serialised
   *     values: numbers are then written as the record would write them, a decimal as its exact
   *     {@code BigDecimal} ({@code 1.10}), an integer as its value
   */
  static void flatten(
      JsonParser p, Map<String, String> cells, char decimalSeparator, boolean asSent)
      throws IOException {
    JsonToken token = p.nextToken();
    if (token == JsonToken.START_OBJECT) {
      flattenInto(cells, "", p, decimalSeparator, asSent);
    } else if (token != null && token != JsonToken.VALUE_NULL) {
      cells.put(Flattener.VALUE_COLUMN, cell(p, token, decimalSeparator, asSent));
    }
  }

  /** An object's fields, the parser on its start: nested objects dotted, secrets left out. */
  private static void flattenInto(
      Map<String, String> cells, String prefix, JsonParser p, char decimalSeparator, boolean asSent)
      throws IOException {
    boolean empty = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String column = prefix.isEmpty() ? p.currentName() : prefix + p.currentName();
      JsonToken token = p.nextToken();
      if (Json.isSecret(p.currentName())) {
        p.skipChildren();
      } else if (token == JsonToken.START_OBJECT) {
        flattenInto(cells, column + ".", p, decimalSeparator, asSent);
        empty = false;
      } else {
        cells.put(column, cell(p, token, decimalSeparator, asSent));
        empty = false;
      }
    }
    if (empty && !prefix.isEmpty()) {
      cells.put(prefix.substring(0, prefix.length() - 1), Flattener.EMPTY_OBJECT);
    }
  }

  private static String cell(JsonParser p, JsonToken token, char decimalSeparator, boolean asSent)
      throws IOException {
    switch (token) {
      case VALUE_NULL:
        return "";
      case START_ARRAY:
      case START_OBJECT:
        return Flattener.cell(Json.treeWithoutSecrets(p.readValueAsTree()));
      case VALUE_NUMBER_INT:
        return asSent ? p.getNumberValue().toString() : p.getText();
      case VALUE_NUMBER_FLOAT:
        if (asSent || p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL) {
          return Flattener.decimal(p.getDecimalValue(), decimalSeparator);
        }
        if (p.getNumberType() == JsonParser.NumberType.FLOAT && Float.isFinite(p.getFloatValue())) {
          return Flattener.floating(
              new java.math.BigDecimal(Float.toString(p.getFloatValue())), decimalSeparator);
        }
        return Double.isFinite(p.getDoubleValue())
            ? Flattener.floating(p.getDecimalValue(), decimalSeparator)
            : p.getText();
      default:
        return p.getText();
    }
  }
}
