package dev.apimoshell.internal.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateTimeSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalTimeSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one JSON configuration of the program, tuned to how Apimo writes JSON.
 *
 * <p>Apimo is loose with types: ids come as {@code "9"} or {@code 9}, booleans as {@code true} or
 * {@code "1"}, dates as zone-less {@code 2008-02-05 17:53:03}, empty values as {@code ""} or {@code
 * []}. This mapper accepts all of them so that records stay strictly typed, and writes dates back
 * the way Apimo sends them.
 *
 * <p>One rule for absent values, in every record: text that is missing, null or {@code ""} reads as
 * {@code ""}, so {@code c.email().contains("@")} never throws and {@code email().isEmpty()} means
 * "no e-mail"; numbers, flags, dates and nested objects that are missing read as null, never as an
 * invented {@code 0} or {@code false}; lists read as empty. Written back ({@code toJson()}, tables,
 * exports), a record read through this mapper writes the object Apimo sent ({@link SentJson}):
 * explicit {@code null}, {@code ""}, {@code []} and {@code {}} kept, ids in the JSON type they came
 * in, absent fields absent. A record built in Java has nothing sent and leaves out its empty
 * fields.
 *
 * <pre>{@code User u = Json.mapper().readValue(bytes, User.class);}</pre>
 */
public final class Json {
  /**
   * Apimo's date-time format; also accepts the ISO {@code T} separator and a bare date (midnight).
   */
  public static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .appendPattern("HH:mm[:ss]")
          .optionalEnd()
          .parseDefaulting(java.time.temporal.ChronoField.HOUR_OF_DAY, 0)
          .toFormatter();

  private static final DateTimeFormatter WRITE_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm[:ss]");
  private static final DateTimeFormatter WRITE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private static final ObjectMapper MAPPER = create();

  private Json() {}

  /** The shared mapper; thread-safe, do not reconfigure it. */
  /** The injection key under which records find their label source. */
  public static final String LABELS_KEY = "apimo-shell.labelSource";

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static final ObjectMapper PLAIN = new ObjectMapper();

  /**
   * Jackson's defaults, no module: for JSON read and written as trees or bytes exactly as Apimo
   * sent it (snapshot files, raw records), where the model's settings must not apply. One instance
   * for the whole library.
   */
  public static ObjectMapper plain() {
    return PLAIN;
  }

  /**
   * What a reader injects into the records it decodes: {@code source} as their label source (the
   * model's {@code LabelSource}, injected under {@link #LABELS_KEY}). {@code
   * Json.mapper().reader(Json.withLabels(session))} reads records labelled from that client's
   * catalogs.
   */
  public static InjectableValues withLabels(Object source) {
    return new Injected().addValue(LABELS_KEY, source);
  }

  /** The labels given, and a fresh {@link SentJson} for each record that keeps what was sent. */
  private static final class Injected extends InjectableValues.Std {
    @Override
    public Object findInjectableValue(
        DeserializationContext ctxt,
        Object valueId,
        BeanProperty forProperty,
        Object beanInstance,
        Boolean optional,
        Boolean useInput)
        throws JsonMappingException {
      return SentJson.KEY.equals(valueId)
          ? new SentJson()
          : super.findInjectableValue(ctxt, valueId, forProperty, beanInstance, optional, useInput);
    }

    @Override
    public Object findInjectableValue(
        Object valueId, DeserializationContext ctxt, BeanProperty forProperty, Object beanInstance)
        throws JsonMappingException {
      return SentJson.KEY.equals(valueId)
          ? new SentJson()
          : super.findInjectableValue(valueId, ctxt, forProperty, beanInstance);
    }
  }

  /**
   * True for the field names that never leave the program, whatever their case: a user's {@code
   * password}, and the API {@code token} should a config object be printed or exported.
   */
  public static boolean isSecret(String fieldName) {
    return "password".equalsIgnoreCase(fieldName) || "token".equalsIgnoreCase(fieldName);
  }

  /** The JSON tree of {@code value} without any secret field, at any depth. */
  public static JsonNode treeWithoutSecrets(Object value) {
    JsonNode tree = MAPPER.valueToTree(value);
    if (tree == null) {
      return MAPPER.nullNode();
    }
    removeSecrets(tree);
    return tree;
  }

  private static void removeSecrets(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> secrets = new ArrayList<>();
      object
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (isSecret(name)) {
                  secrets.add(name);
                }
              });
      object.remove(secrets);
    }
    node.forEach(Json::removeSecrets);
  }

  private static ObjectMapper create() {
    var time = new JavaTimeModule();
    time.addSerializer(LocalDateTime.class, new FastDateTimeSerializer());
    time.addSerializer(LocalTime.class, new FastTimeSerializer());
    var lenient = new SimpleModule("apimo-lenient");
    lenient.addDeserializer(
        LocalDateTime.class,
        new TemporalDeserializer<>(DATE_TIME, LocalDateTime::from, Json::fastDateTime));
    lenient.addDeserializer(
        LocalDate.class,
        new TemporalDeserializer<>(
            DateTimeFormatter.ISO_LOCAL_DATE, LocalDate::from, Json::fastDateOfDateTime));
    lenient.addDeserializer(
        LocalTime.class, new TemporalDeserializer<>(TIME, LocalTime::from, Json::fastTime));
    lenient.addDeserializer(Boolean.class, new LenientBoolean(null));
    lenient.addDeserializer(boolean.class, new LenientBoolean(false));
    lenient.addDeserializer(Long.class, new WholeNumber(null));
    lenient.addDeserializer(long.class, new WholeNumber(0L));
    lenient.setDeserializerModifier(AsSent.READING);
    lenient.setSerializerModifier(AsSent.WRITING);

    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(time)
            .addModule(lenient)
            .injectableValues(withLabels(null))
            .annotationIntrospector(new MissingTextAsEmpty())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .nodeFactory(
                JsonNodeFactory.withExactBigDecimals(
                    true)) // a price of 2600000 stays 2600000, not 2.6E+6
            .build();
    mapper
        .coercionConfigDefaults()
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
    // PHP encodes an empty object as [], so "properties": [] means "no property".
    mapper
        .coercionConfigFor(LogicalType.POJO)
        .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.AsNull);
    return mapper;
  }

  /**
   * Reads a missing or null text field of the model's records as {@code ""}; other classes read
   * through this mapper (a caller's own records) keep Jackson's null.
   */
  private static final class MissingTextAsEmpty extends JacksonAnnotationIntrospector {
    private static final String MODEL_PACKAGE = "dev.apimoshell.model";

    private static final JsonSetter.Value AS_EMPTY = JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY);

    @Override
    public JsonSetter.Value findSetterInfo(Annotated annotated) {
      if (annotated instanceof AnnotatedMember member
          && member.getRawType() == String.class
          && member.getDeclaringClass().getPackageName().equals(MODEL_PACKAGE)) {
        return AS_EMPTY.withOverrides(super.findSetterInfo(annotated));
      }
      return super.findSetterInfo(annotated);
    }
  }

  /** Reads {@code YYYY-MM-DD HH:MM:SS} and friends; blank and MySQL zero dates become null. */
  private static final class TemporalDeserializer<T> extends JsonDeserializer<T> {
    private final DateTimeFormatter format;
    private final TemporalQuery<T> query;
    private final Function<String, T> fast;

    /**
     * @param fast reads the one exact shape Apimo sends, without the formatter (a million actions
     *     carry five million of these), or returns null to let the formatter try
     */
    TemporalDeserializer(
        DateTimeFormatter format, TemporalQuery<T> query, Function<String, T> fast) {
      this.format = format;
      this.query = query;
      this.fast = fast;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null || text.isBlank() || text.startsWith("0000-00-00")) {
        return null;
      }
      try {
        T value = fast.apply(text);
        return value != null ? value : format.parse(text.trim()).query(query);
      } catch (java.time.DateTimeException e) {
        return (T) ctxt.handleWeirdStringValue(handledType(), text, "expected %s", format);
      }
    }

    @Override
    public Class<?> handledType() {
      return Object.class;
    }
  }

  /** {@code 2008-02-05 17:53:03}, or null for any other shape. */
  private static LocalDateTime fastDateTime(String s) {
    if (s.length() != 19 || (s.charAt(10) != ' ' && s.charAt(10) != 'T') || s.charAt(16) != ':') {
      return null;
    }
    LocalDate date = fastDate(s.substring(0, 10));
    LocalTime time = fastTime(s.substring(11));
    return date == null || time == null ? null : LocalDateTime.of(date, time);
  }

  /** {@code 2008-02-05}, also from {@code 2008-02-05 00:00:00}; null for any other shape. */
  private static LocalDate fastDateOfDateTime(String s) {
    return s.length() == 19 && fastDateTime(s) != null ? fastDate(s.substring(0, 10)) : fastDate(s);
  }

  /** {@code 2008-02-05}, or null for any other shape. */
  private static LocalDate fastDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    return year < 0 || month < 0 || day < 0 ? null : LocalDate.of(year, month, day);
  }

  /** {@code 17:53:03}, or null for any other shape. */
  private static LocalTime fastTime(String s) {
    if (s.length() != 8 || s.charAt(2) != ':' || s.charAt(5) != ':') {
      return null;
    }
    int hour = digits(s, 0, 2);
    int minute = digits(s, 3, 5);
    int second = digits(s, 6, 8);
    return hour < 0 || minute < 0 || second < 0 ? null : LocalTime.of(hour, minute, second);
  }

  /** The number in {@code s[from, to)}, or -1 if a character is not a digit. */
  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * An id as the model's records read it when it is sent in the usual way, {@code 9} or {@code
   * "9"}; null for any other shape, which only the full rule (a {@code long} read through {@link
   * #mapper()}) can read or refuse. For a reader that wants the id alone, quickly:
   *
   * <pre>{@code
   * Long id = Json.plainWholeNumber(p);
   * if (id == null) id = Json.mapper().readerFor(long.class).readValue(p);
   * }</pre>
   */
  public static Long plainWholeNumber(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT
        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return p.getLongValue();
    }
    if (token == JsonToken.VALUE_STRING && p.getTextLength() > 0 && p.getTextLength() <= 18) {
      char[] text = p.getTextCharacters();
      int end = p.getTextOffset() + p.getTextLength();
      long value = 0;
      for (int i = p.getTextOffset(); i < end; i++) {
        if (text[i] < '0' || text[i] > '9') {
          return null;
        }
        value = value * 10 + (text[i] - '0');
      }
      return value;
    }
    return null;
  }

  /**
   * Ids and references ({@code long} fields): {@code 9}, {@code "9"} or {@code 9.0}, but never
   * {@code 2.5} truncated to 2, which would make distinct records collide.
   */
  private static final class WholeNumber extends JsonDeserializer<Long> {
    private final Long ifNull;
    private final JsonDeserializer<Long> standard;

    WholeNumber(Long ifNull) {
      this.ifNull = ifNull;
      this.standard =
          new NumberDeserializers.LongDeserializer(ifNull == null ? Long.class : Long.TYPE, ifNull);
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Long plain = plainWholeNumber(p);
      if (plain != null) {
        return plain;
      }
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        BigDecimal number = p.getDecimalValue();
        try {
          return number.longValueExact();
        } catch (ArithmeticException notWhole) {
          return (Long) ctxt.handleWeirdNumberValue(Long.class, number, "expected a whole number");
        }
      }
      if (token == JsonToken.VALUE_STRING) {
        String text = p.getText().strip();
        if (text.isEmpty()) {
          return ifNull;
        }
        try {
          if (text.length() <= 40) {
            return new BigDecimal(text).longValueExact();
          }
        } catch (NumberFormatException | ArithmeticException notWhole) {
          // reported below
        }
        return (Long) ctxt.handleWeirdStringValue(Long.class, text, "expected a whole number");
      }
      return standard.deserialize(p, ctxt); // [9], true...: as Jackson does
    }

    @Override
    public Long getNullValue(DeserializationContext ctxt) {
      return ifNull;
    }
  }

  /** Accepts {@code true}, {@code "true"}, {@code 1}, {@code "1"} (and their opposites). */
  private static final class LenientBoolean extends JsonDeserializer<Boolean> {
    private final Boolean ifNull;

    LenientBoolean(Boolean ifNull) {
      this.ifNull = ifNull;
    }

    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
        return token == JsonToken.VALUE_TRUE;
      }
      if (token == JsonToken.VALUE_NUMBER_INT) {
        return p.getLongValue() != 0;
      }
      String text = p.getValueAsString();
      if (text == null || text.isBlank()) {
        return ifNull;
      }
      switch (text.trim().toLowerCase()) {
        case "1":
        case "true":
        case "yes":
        case "y":
          return true;
        case "0":
        case "false":
        case "no":
        case "n":
          return false;
        default:
          return (Boolean) ctxt.handleWeirdStringValue(Boolean.class, text, "expected a boolean");
      }
    }

    @Override
    public Boolean getNullValue(DeserializationContext ctxt) {
      return ifNull;
    }
  }

  /**
   * Writes {@code 2020-04-15 18:19:30} without a {@link DateTimeFormatter}, the cost of which an
   * export of a million actions feels; other years, and a {@code @JsonFormat}, go through it.
   */
  private static final class FastDateTimeSerializer extends LocalDateTimeSerializer {
    FastDateTimeSerializer() {
      super(WRITE_DATE_TIME);
    }

    /** Stays this fast serializer unless the property asks for its own format. */
    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
        throws JsonMappingException {
      return plain(findFormatOverrides(provider, property, handledType()))
          ? this
          : super.createContextual(provider, property);
    }

    @Override
    public void serialize(LocalDateTime value, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      if (value.getYear() < 0 || value.getYear() > 9999 || useTimestamp(provider)) {
        super.serialize(value, g, provider);
        return;
      }
      var text = new char[19];
      digits(text, 0, value.getYear(), 4);
      text[4] = '-';
      digits(text, 5, value.getMonthValue(), 2);
      text[7] = '-';
      digits(text, 8, value.getDayOfMonth(), 2);
      text[10] = ' ';
      time(text, 11, value.toLocalTime());
      g.writeString(text, 0, text.length);
    }
  }

  /** {@code 18:19:30}, as {@link FastDateTimeSerializer}. */
  private static final class FastTimeSerializer extends LocalTimeSerializer {
    FastTimeSerializer() {
      super(WRITE_TIME);
    }

    /** Stays this fast serializer unless the property asks for its own format. */
    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
        throws JsonMappingException {
      return plain(findFormatOverrides(provider, property, handledType()))
          ? this
          : super.createContextual(provider, property);
    }

    @Override
    public void serialize(LocalTime value, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      if (useTimestamp(provider)) {
        super.serialize(value, g, provider);
        return;
      }
      var text = new char[8];
      time(text, 0, value);
      g.writeString(text, 0, text.length);
    }
  }

  private static boolean plain(JsonFormat.Value format) {
    return format == null
        || !format.hasPattern()
            && !format.hasShape()
            && !format.hasLocale()
            && !format.hasTimeZone()
            && format.getLenient() == null;
  }

  private static void time(char[] text, int at, LocalTime time) {
    digits(text, at, time.getHour(), 2);
    text[at + 2] = ':';
    digits(text, at + 3, time.getMinute(), 2);
    text[at + 5] = ':';
    digits(text, at + 6, time.getSecond(), 2);
  }

  private static void digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
