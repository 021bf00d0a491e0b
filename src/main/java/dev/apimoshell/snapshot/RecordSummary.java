package dev.apimoshell.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One line that says what a record is, for the rows of a diff that add or remove it: who (name,
 * e-mail), or which (reference, subject), and the fields that tell it apart, so that "who sent this
 * lead?" needs no replay.
 *
 * <pre>
 * users       Marc WYLER &lt;marc@agence.fr&gt;
 * leads       Jeanne Martin &lt;jeanne@mail.fr&gt;, step 1, property 86379
 * properties  VI7, Villa vue mer, Nice, 2600000 EUR
 * actions     2018-09-11 14:43:20, More details on a new property, contact 8520201
 * </pre>
 *
 * <p>Values are Apimo's as sent (codes as numbers, not words: a diff reads files, with no client);
 * empty parts are left out; the line is cut at {@value #MAX} characters.
 */
final class RecordSummary {
  static final int MAX = 120;

  private RecordSummary() {}

  /** The line for a record of {@code resource} ({@code users}, {@code agency}...). */
  static String of(String resource, JsonNode record) {
    var parts = new ArrayList<String>();
    switch (resource) {
      case "users", "contacts" -> {
        add(parts, "", person(record));
        add(parts, "", text(record, "mobile").isEmpty() ? text(record, "phone") : "");
        add(parts, "", text(record, "mobile"));
      }
      case "leads" -> {
        add(parts, "", person(record));
        add(parts, "", text(record, "phone"));
        add(parts, "step ", text(record, "step"));
        add(parts, "property ", text(record, "property"));
        add(parts, "property ", text(record, "property_reference"));
      }
      case "properties" -> {
        add(parts, "", text(record, "reference"));
        add(parts, "", text(record, "name"));
        add(parts, "", text(record, "city.name"));
        add(parts, "", join(text(record, "price.value"), text(record, "price.currency")));
      }
      case "actions" -> {
        add(parts, "", join(text(record, "date"), text(record, "time_start")));
        add(parts, "", text(record, "subject"));
        add(parts, "contact ", text(record, "contact"));
        add(parts, "property ", text(record, "properties.id"));
      }
      case "requests" -> {
        add(parts, "contact ", text(record, "contact"));
        add(parts, "", text(record, "comment"));
      }
      case "contracts" -> {
        add(parts, "", text(record, "contract_at"));
        add(parts, "property ", text(record, "property"));
        add(parts, "", text(record, "price_net"));
      }
      default -> {
        add(parts, "", text(record, "reference"));
        add(parts, "", text(record, "name"));
        add(parts, "", person(record));
        add(parts, "", text(record, "subject"));
      }
    }
    String line = String.join(", ", parts).replaceAll("\\s+", " ").strip();
    return line.length() <= MAX ? line : line.substring(0, MAX - 1) + "…";
  }

  /** {@code Jeanne Martin <jeanne@mail.fr>}, or what of it the record has. */
  private static String person(JsonNode record) {
    String name = join(text(record, "firstname"), text(record, "lastname"));
    String email = text(record, "email");
    return email.isEmpty() ? name : join(name, "<" + email + ">");
  }

  private static void add(List<String> parts, String prefix, String value) {
    if (!value.isEmpty()) {
      parts.add(prefix + value);
    }
  }

  private static String join(String a, String b) {
    return (a + " " + b).strip();
  }

  /** The text at a dotted path; empty for absent, null, {@code ""} or a list or object. */
  private static String text(JsonNode record, String path) {
    JsonNode node = record;
    for (String step : path.split("\\.")) {
      node = node == null ? null : node.get(step);
    }
    return node == null || !node.isValueNode() || node.isNull() ? "" : node.asText().strip();
  }
}
