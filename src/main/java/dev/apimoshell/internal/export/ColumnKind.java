package dev.apimoshell.internal.export;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a column may be fitted into a narrow terminal, decided by its name and its cells.
 *
 * <ul>
 *   <li>{@link #KEY}: what support staff read out or type back (ids, references, phone numbers,
 *       emails, prices, dates): never cut, never left out of a table; when even these do not fit,
 *       the table turns into one card per record.
 *   <li>{@link #WHOLE}: other numbers: never cut (a cut number misleads) but may be left out.
 *   <li>{@link #TEXT}: names, labels, subjects: cut to a few characters first, then left out.
 * </ul>
 *
 * <pre>{@code ColumnKind.of("price.value", cells)  // KEY}</pre>
 */
public enum ColumnKind {
  KEY,
  WHOLE,
  TEXT;

  /** Name parts that mark a key column: {@code id}, {@code user_id}, {@code mobile}, ... */
  private static final Pattern KEY_NAME =
      Pattern.compile(
          "id|.*_id|reference|ref|.*phone.*|mobile|fax|.*email.*|.*price.*|date|.*_date|"
              + "date_.*|.*_at|time_.*|contact|user|property|agency|postal_code|zipcode|siret|field");

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)?");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}([ T].*)?");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()/-]{5,}[0-9]");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");

  /** The kind of {@code column} given the cells of the rows shown. */
  static ColumnKind of(String column, List<Map<String, String>> cells) {
    if (keyName(column)) {
      return KEY;
    }
    boolean any = false;
    boolean numbers = true;
    boolean keys = true;
    for (Map<String, String> row : cells) {
      String cell = row.getOrDefault(column, "");
      if (cell == null || cell.isEmpty()) {
        continue;
      }
      any = true;
      numbers &= NUMBER.matcher(cell).matches();
      keys &= keyValue(cell);
    }
    if (!any) {
      return TEXT;
    }
    return numbers ? WHOLE : keys ? KEY : TEXT;
  }

  /**
   * Whether a column with this name holds values read out whole, by its last part ({@code
   * user.email}, {@code properties.id}) or as a part of a price ({@code price.value}); {@code
   * field} names a diff's field.
   */
  public static boolean keyName(String column) {
    String[] parts = column.toLowerCase(Locale.ROOT).split("\\.");
    String last = parts[parts.length - 1];
    if (KEY_NAME.matcher(last).matches()) {
      return true;
    }
    // price.value, price.max: the parts of a price; user.picture is not a user id
    return parts.length > 1 && parts[parts.length - 2].contains("price");
  }

  /** Whether one value looks like a date, a phone number or an email. */
  public static boolean keyValue(String cell) {
    return DATE.matcher(cell).matches()
        || PHONE.matcher(cell).matches()
        || EMAIL.matcher(cell).matches();
  }

  /**
   * The call that shows a column's whole value on one record: {@code "city.name"} is {@code
   * .city().name()}, {@code "time_start"} is {@code .timeStart()}.
   */
  public static String accessor(String column) {
    var call = new StringBuilder();
    for (String part : column.split("\\.")) {
      if (part.matches("[0-9]+")) {
        call.append(".get(").append(part).append(")");
        continue;
      }
      var camel = new StringBuilder();
      boolean upper = false;
      for (char ch : part.toCharArray()) {
        if (ch == '_') {
          upper = true;
        } else {
          camel.append(upper ? Character.toUpperCase(ch) : ch);
          upper = false;
        }
      }
      call.append('.').append(camel).append("()");
    }
    return call.toString();
  }
}
