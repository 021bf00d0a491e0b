package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/**
 * {@code POST /agencies/{id}/actions} and {@code /leads}: validates the body, stores the record in
 * the shape GET returns, and answers {@code {"id": "..."}}.
 */
final class Posts {

  private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?");

  private final Posted actions;
  private final Posted leads;

  Posts(Posted actions, Posted leads) {
    this.actions = actions;
    this.leads = leads;
  }

  /**
   * @param isUser whether an id is one of the agency's users
   */
  Json.Body createAction(int agency, LongPredicate isUser, byte[] body) {
    JsonNode in = parse(body);
    String user = required(in, "user");
    if (!isUser.test(parseLong(user, "user"))) {
      throw HttpError.badRequest("user " + user + " is not a user of agency " + agency);
    }
    String date = required(in, "date");
    try {
      LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw HttpError.badRequest("date must be YYYY-MM-DD: " + date);
    }
    long id = actions.nextId();
    String now = Dates.nowDateTime();
    ObjectNode action = Json.MAPPER.createObjectNode();
    action.put("id", Long.toString(id));
    action.put("type", text(in, "type") == null ? "5" : text(in, "type"));
    action.put("user", user);
    action.put("contact", text(in, "contact"));
    action.put("date", date);
    action.put("time_start", time(in, "start_at"));
    action.put("time_end", time(in, "end_at"));
    action.put("subject", text(in, "subject"));
    action.put("content", text(in, "content"));
    String property =
        in.path("properties").isArray() ? text(in.path("properties"), 0) : text(in, "properties");
    if (property == null) {
      action.putNull("properties");
    } else {
      ObjectNode p = action.putObject("properties");
      p.put("id", property);
      for (String empty : new String[] {"report", "price", "currency", "rating", "assessment"}) {
        p.putNull(empty);
      }
    }
    action.put("referral", text(in, "referral"));
    action.put("subreferral", text(in, "subreferral"));
    action.put("created_at", now);
    action.put("updated_at", now);
    actions.add(new Posted.Entry(agency, Instant.now().getEpochSecond(), action));
    return created(id);
  }

  Json.Body createLead(int agency, byte[] body) {
    JsonNode in = parse(body);
    if (isBlank(text(in, "lastname")) && isBlank(text(in, "email"))) {
      throw HttpError.badRequest("a lead needs at least a lastname or an email");
    }
    long id = leads.nextId();
    String now = Dates.nowDateTime();
    ObjectNode lead = Json.MAPPER.createObjectNode();
    lead.put("id", Long.toString(id));
    lead.put("reference", text(in, "reference"));
    lead.put("date", text(in, "date") == null ? now : text(in, "date"));
    lead.put("step", text(in, "step") == null ? "1" : text(in, "step"));
    lead.put("type", text(in, "type") == null ? "1" : text(in, "type"));
    for (String field :
        new String[] {
          "language",
          "country",
          "lastname",
          "firstname",
          "email",
          "phone",
          "message",
          "property",
          "property_reference"
        }) {
      lead.put(field, text(in, field));
    }
    lead.put("created_at", now);
    lead.put("updated_at", now);
    leads.add(new Posted.Entry(agency, Instant.now().getEpochSecond(), lead));
    return created(id);
  }

  /** For {@code /__stats}: posted records kept, the bound, and how many were dropped for it. */
  void writeStats(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("posted");
    g.writeNumberField("actions", actions.size());
    g.writeNumberField("leads", leads.size());
    g.writeNumberField("max_per_kind", actions.max());
    g.writeNumberField("dropped", actions.dropped() + leads.dropped());
    g.writeEndObject();
  }

  private static Json.Body created(long id) {
    return g -> {
      g.writeStartObject();
      g.writeStringField("id", Long.toString(id));
      g.writeEndObject();
    };
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw HttpError.badRequest("the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw HttpError.badRequest("the body is not valid JSON");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String required(JsonNode in, String field) {
    String value = text(in, field);
    if (isBlank(value)) {
      throw HttpError.badRequest("missing required field: " + field);
    }
    return value;
  }

  /** A scalar field as text (numbers included); null when absent, null or not a scalar. */
  private static String text(JsonNode in, String field) {
    JsonNode value = in.get(field);
    return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
  }

  private static String text(JsonNode array, int index) {
    JsonNode value = array.get(index);
    return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
  }

  /** HH:MM (as Apimo documents) or HH:MM:SS, answered as HH:MM:SS. */
  private static String time(JsonNode in, String field) {
    String value = text(in, field);
    if (value == null) {
      return null;
    }
    if (!TIME.matcher(value).matches()) {
      throw HttpError.badRequest(field + " must be HH:MM: " + value);
    }
    return value.length() == 5 ? value + ":00" : value;
  }

  private static long parseLong(String value, String field) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw HttpError.badRequest(field + " must be an id: " + value);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
