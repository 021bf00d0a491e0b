package dev.apimoshell.internal.export;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.apimoshell.internal.client.SentRecord;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.internal.text.NearNames;
import dev.apimoshell.model.ApimoRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks the column names a user types against the columns a row type has, before anything is
 * downloaded, so that a typo fails at once instead of exporting an empty column.
 *
 * <pre>{@code
 * Columns.resolve(List.of("id", "groupLabel", "createdAt"), User.class).columns()
 *   // [id, group_label, created_at]: the accessor spelling is accepted too
 * Columns.resolve(List.of("emial"), User.class)
 *   // IllegalArgumentException: Unknown column 'emial' for User: did you mean 'email'?
 * }</pre>
 *
 * A record's columns are the {@link Flattener}'s: its JSON fields, dotted into nested records
 * ({@code city.zipcode}), and a {@code _label} column for each catalog code. A name that is not one
 * of them but is near none either may be a field the record keeps in {@code extra()}, or a key of a
 * map: it is {@linkplain Resolved#unverified() unverified}, and the export fails at the end if no
 * row had it.
 */
public final class Columns {
  private static final ClassValue<Set<String>> KNOWN =
      new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
          var columns = new LinkedHashSet<String>();
          try {
            collect(Json.mapper().constructType(type), "", columns, 0);
          } catch (RuntimeException notABean) {
            return Set.of();
          }
          labelColumns(type).forEach(columns::add);
          return Set.copyOf(columns);
        }
      };

  /** The documented columns of a record type, in order, without labels. */
  private static final ClassValue<List<String>> SHAPE =
      new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
          var columns = new LinkedHashSet<String>();
          try {
            collect(Json.mapper().constructType(type), "", columns, 0);
          } catch (RuntimeException notABean) {
            return List.of();
          }
          return columns.stream()
              .filter(c -> columns.stream().noneMatch(other -> other.startsWith(c + ".")))
              .toList();
        }
      };

  private Columns() {}

  /**
   * The header of an export of {@code type}'s records when no columns are chosen: the one rule
   * every exporter of this program follows, so that Monday's file and Tuesday's have the same
   * columns whatever the values.
   *
   * <ol>
   *   <li>every field of the record's documented shape, in the record's order, nested records
   *       dotted into their own fields ({@code city.id}, {@code city.name}), a list in one column,
   *       {@code password} never;
   *   <li>with {@code labels}, each code's {@code <field>_label} right after it;
   *   <li>then (not listed here: the rows say) every other column some row has, in the order first
   *       seen: the fields Apimo sent that the record does not know, the keys of a free-form
   *       object.
   * </ol>
   *
   * Empty for a type with no documented shape (maps, JSON trees, plain values): its header is the
   * columns of its rows, in the order first seen.
   *
   * <pre>{@code Columns.shape(User.class, false)
   *   // [id, agency, active, created_at, ..., email, phone, mobile, fax, city.id, city.name, ...]
   * }</pre>
   */
  public static List<String> shape(Class<?> type, boolean labels) {
    if (type == null
        || !ApimoRecord.class.isAssignableFrom(type)
        || known(type).isEmpty()
        || !type.isRecord()) {
      return List.of();
    }
    List<String> fields = SHAPE.get(type);
    if (!labels) {
      return fields;
    }
    Set<String> codes = new LinkedHashSet<>(codeFields(type));
    var withLabels = new ArrayList<String>(fields.size() + codes.size());
    for (String field : fields) {
      withLabels.add(field);
      if (codes.contains(field)) {
        withLabels.add(Flattener.labelColumn(field));
      }
    }
    return List.copyOf(withLabels);
  }

  /**
   * The chosen columns in the row type's spelling, and those this type cannot vouch for.
   *
   * @param columns as the user named them
   * @param unverified the columns that no row type knows: each must appear in some row
   */
  public record Resolved(List<String> columns, Set<String> unverified) {
    public Resolved {
      columns = List.copyOf(columns);
      unverified = Set.copyOf(unverified);
    }
  }

  /**
   * Resolves {@code columns} against {@code type}'s columns (none known for maps, JSON trees, plain
   * values or a null type).
   *
   * @throws IllegalArgumentException for a name near a known column, with that column suggested
   */
  public static Resolved resolve(List<String> columns, Class<?> type) {
    Set<String> known = type == null ? Set.of() : known(type);
    var resolved = new ArrayList<String>(columns.size());
    var unverified = new LinkedHashSet<String>();
    for (String column : columns) {
      String snake = snakeCase(column);
      if (known.contains(column)) {
        resolved.add(column);
      } else if (known.contains(snake)) {
        resolved.add(snake);
      } else {
        Optional<String> near = nearest(column, known);
        if (near.isPresent()) {
          throw new IllegalArgumentException(
              "Unknown column '"
                  + column
                  + "' for "
                  + type.getSimpleName()
                  + ": did you mean '"
                  + near.get()
                  + "'?");
        }
        resolved.add(column);
        unverified.add(column);
      }
    }
    return new Resolved(resolved, unverified);
  }

  /**
   * The one-line reason an export fails when chosen columns were in none of its rows, with the
   * nearest of {@code seen} suggested.
   */
  static String inNoRow(Collection<String> absent, long rows, Collection<String> seen) {
    String column = absent.iterator().next();
    var message =
        new StringBuilder("Unknown column '")
            .append(column)
            .append(rows == 1 ? "': it is not in the one row" : "': it is in none of the ")
            .append(rows == 1 ? "" : rows + " rows");
    nearest(column, seen)
        .ifPresentOrElse(
            near -> message.append("; did you mean '").append(near).append("'?"),
            () -> message.append("; columns: ").append(String.join(", ", seen)));
    return message.toString();
  }

  /** The columns rows of {@code type} have; empty when the type says nothing (maps, trees). */
  static Set<String> known(Class<?> type) {
    if (Map.class.isAssignableFrom(type)
        || Collection.class.isAssignableFrom(type)
        || type.getName().startsWith("com.fasterxml.")
        || type.getName().startsWith("java.")
        || type.isPrimitive()
        || type.isArray()) {
      return Set.of();
    }
    return KNOWN.get(type);
  }

  private static void collect(JavaType type, String prefix, Set<String> into, int depth) {
    BeanDescription bean = Json.mapper().getSerializationConfig().introspect(type);
    for (BeanPropertyDefinition property : bean.findProperties()) {
      if (!property.couldSerialize()
          || Json.isSecret(property.getName())
          || isAnyGetter(property)) {
        continue;
      }
      String column = prefix + property.getName();
      into.add(column);
      JavaType value = property.getPrimaryType();
      if (value != null && value.getRawClass().isRecord() && depth < 8) {
        collect(value, column + ".", into, depth + 1);
      }
    }
  }

  /** The {@code extra} map, whose entries are written as columns of their own. */
  private static boolean isAnyGetter(BeanPropertyDefinition property) {
    return Stream.of(property.getGetter(), property.getField())
        .anyMatch(member -> member != null && member.hasAnnotation(JsonAnyGetter.class));
  }

  /** {@code group_label} for a {@link ApimoRecord}'s code field {@code group}. */
  private static List<String> labelColumns(Class<?> type) {
    return codeFields(type).stream().map(Flattener::labelColumn).toList();
  }

  /** The code fields of a {@link ApimoRecord} type ({@code group}, {@code heating.device}). */
  private static List<String> codeFields(Class<?> type) {
    return List.copyOf(SentRecord.codeCatalogsOf(type).keySet());
  }

  /** {@code groupLabel} -> {@code group_label}, {@code city.zipCode} -> {@code city.zip_code}. */
  static String snakeCase(String column) {
    return column.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** The known column a typo most likely meant: same letters but case, or one or two edits away. */
  private static Optional<String> nearest(String column, Collection<String> known) {
    String wanted = snakeCase(column);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = NearNames.distance(wanted, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = wanted.length() <= 4 ? 1 : 2;
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }
}
