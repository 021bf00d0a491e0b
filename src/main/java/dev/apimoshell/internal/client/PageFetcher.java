package dev.apimoshell.internal.client;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.apimoshell.http.PageListener;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.internal.http.Response;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.internal.json.LabelSource;
import dev.apimoshell.internal.json.SentJson;
import dev.apimoshell.internal.text.ControlChars;
import dev.apimoshell.model.ApimoRecord;
import dev.apimoshell.model.Page;
import dev.apimoshell.model.RawRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fetches and decodes one page of a list endpoint. The records are read one by one from the body
 * with a streaming parser, without building a JSON tree of the whole page.
 *
 * <p>Plumbing shared by the queries of one client; scripts use {@code Query}.
 */
public final class PageFetcher {
  /** Pages in flight at once for a query that does not say: {@code parallel(4)}. */
  public static final int DEFAULT_PARALLEL = 4;

  /** The most pages one stream keeps in flight. */
  public static final int MAX_PARALLEL = 64;

  /** {@code n}, when it is a number of pages in flight a stream may keep. */
  public static int checkParallel(int n) {
    if (n < 1 || n > MAX_PARALLEL) {
      throw new IllegalArgumentException(
          "parallel must be between 1 (one page at a time) and " + MAX_PARALLEL + ", was " + n);
    }
    return n;
  }

  private static final BigDecimal MAX_TOTAL = BigDecimal.valueOf(Long.MAX_VALUE);
  private final ApimoHttp http;
  private final ObjectMapper mapper = Json.mapper();
  private final List<PageListener> listeners;

  /** Threads for pages read ahead; the windows of the streams bound how many run at once. */
  private final ExecutorService ahead;

  private final int parallel;

  private final ObjectReader records;
  private final LabelSource labels;

  /** Reads an id as the model's records read theirs ({@code "9"}, {@code 9}, {@code 9.0}). */
  private final ObjectReader ids = mapper.readerFor(long.class);

  private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
  private final Map<String, Long> serverTimes;

  public PageFetcher(ApimoHttp http) {
    this(http, null);
  }

  /**
   * @param labels the catalogs the records it decodes read their codes from (their client's)
   */
  public PageFetcher(ApimoHttp http, LabelSource labels) {
    this.http = http;
    this.records = mapper.reader(Json.withLabels(labels));
    this.labels = labels;
    this.listeners = List.of();
    this.parallel = DEFAULT_PARALLEL;
    this.serverTimes = new ConcurrentHashMap<>();
    this.ahead =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "apimo-shell prefetch");
              thread.setDaemon(true);
              return thread;
            });
  }

  private PageFetcher(
      PageFetcher shared, LabelSource labels, int parallel, List<PageListener> listeners) {
    this.http = shared.http;
    this.records = mapper.reader(Json.withLabels(labels));
    this.labels = labels;
    this.listeners = List.copyOf(listeners);
    this.serverTimes = shared.serverTimes;
    this.ahead = shared.ahead;
    this.parallel = checkParallel(parallel);
  }

  /**
   * A fetcher sharing this one's threads, listeners and HTTP session whose records read their codes
   * from {@code labels} (a client in another culture).
   */
  public PageFetcher withLabels(LabelSource labels) {
    return new PageFetcher(this, labels, parallel, listeners);
  }

  /**
   * A fetcher sharing this one's threads and HTTP session, reading codes from {@code labels},
   * keeping {@code parallel} pages in flight and telling exactly {@code listeners} (a listener
   * given twice is told once).
   */
  public PageFetcher with(LabelSource labels, int parallel, List<PageListener> listeners) {
    return new PageFetcher(this, labels, parallel, new ArrayList<>(new LinkedHashSet<>(listeners)));
  }

  /** Stops the threads that read pages ahead. */
  public void close() {
    ahead.shutdownNow();
  }

  public ApimoHttp http() {
    return http;
  }

  /** Who is told of every page, in order. */
  public List<PageListener> listeners() {
    return listeners;
  }

  public void notifyPage(String path, long fetched, long expected) {
    for (PageListener listener : listeners) {
      listener.onPage(path, fetched, expected);
    }
  }

  public void notifyPlan(String path, String plan) {
    for (PageListener listener : listeners) {
      listener.onPlan(path, plan);
    }
  }

  public void notifyWarning(String path, String message) {
    for (PageListener listener : listeners) {
      listener.onWarning(path, message);
    }
  }

  /** The {@code timestamp} of the last page read from {@code path} that had one; null if none. */
  public Long lastTimestamp(String path) {
    return serverTimes.get(path);
  }

  /** GET one page: {@code limit} records from {@code offset}, with the endpoint's filters. */
  public <T> Page<T> fetch(
      Endpoint<T> endpoint, Map<String, String> filters, int limit, long offset) {
    var query = new LinkedHashMap<String, Object>(filters);
    query.put("limit", limit);
    query.put("offset", offset);
    Response response = http.get(endpoint.path(), query);
    return decode(endpoint, response);
  }

  /**
   * Decodes a page of one empty record of each type, so that a process's first real page does not
   * wait for Jackson to build the type's reader (annotations, constructors, one reader per field:
   * about a tenth of a second per record type, cold, on a 2-core machine). The readers are kept by
   * the one mapper ({@link Json#mapper()}) every fetcher shares. Sends nothing.
   *
   * <pre>{@code PageFetcher.warmUp(List.of(Action.class, User.class)); // on a spare thread}</pre>
   */
  public static void warmUp(List<Class<?>> types) {
    ObjectReader reader = Json.mapper().reader(Json.withLabels(null));
    byte[] page = "{\"items\":[{}],\"total_items\":1}".getBytes(StandardCharsets.UTF_8);
    for (Class<?> type : types) {
      try (JsonParser p = Json.mapper().createParser(page)) {
        p.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        while (p.nextToken() != JsonToken.START_ARRAY) {
          // to the list
        }
        p.nextToken();
        reader
            .forType(type)
            .withAttribute(RawRecord.BODY, page)
            .withAttribute(SentJson.PAGE_BODY, page)
            .readValue(p);
      } catch (IOException | RuntimeException e) {
        // a type that wants more than {} is warm enough: its reader is built before it fails
      }
    }
  }

  /** Pages a stream of this client keeps in flight at once, unless its query says otherwise. */
  public int parallel() {
    return parallel;
  }

  /** Where pages read ahead are fetched (daemon threads). */
  public ExecutorService executor() {
    return ahead;
  }

  private <T> Page<T> decode(Endpoint<T> endpoint, Response response) {
    List<T> items = null;
    long total = -1;
    Long timestamp = null;
    BigDecimal processingTime = null;
    try (JsonParser p = mapper.createParser(response.body())) {
      // A field twice is an error, never "the last one wins" (an id 1 read as 99).
      p.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw response.malformed("expected a JSON object with '" + endpoint.listKey() + "'", null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals(endpoint.listKey())) {
          items = readList(p, value, endpoint, response);
        } else if (name.equals("total_items")) {
          total = totalItems(p, value);
        } else if (name.equals("timestamp") && value.isScalarValue()) {
          long seconds = p.getValueAsLong(-1);
          timestamp = seconds > 0 ? seconds : null;
        } else if (name.equals("processing_time") && value.isNumeric()) {
          processingTime = p.getDecimalValue();
        } else if (name.equals("processing_time") && value == JsonToken.VALUE_STRING) {
          processingTime = decimalOrNull(p.getText());
        } else {
          p.skipChildren();
        }
      }
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof JsonEOFException) {
        throw response.malformed(cut(response, "inside " + fieldPath(e).replace("'", "")), e);
      }
      throw response.malformed(
          "a value that does not fit "
              + endpoint.recordName()
              + " in "
              + fieldPath(e)
              + at(e)
              + " ("
              + e.getOriginalMessage()
              + ")",
          e);
    } catch (JsonEOFException e) {
      throw response.malformed(cut(response, "before the JSON was complete"), e);
    } catch (JsonProcessingException e) {
      String duplicate = duplicateField(e);
      if (duplicate != null) {
        throw response.malformed("the field '" + duplicate + "' twice in one object" + at(e), e);
      }
      throw response.malformed("invalid JSON" + at(e) + " (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw response.malformed("unreadable body (" + e.getMessage() + ")", e);
    }
    if (items == null) {
      throw response.malformed("no '" + endpoint.listKey() + "' list in the body", null);
    }
    int positions = items.size();
    items.removeIf(Objects::isNull); // a null among the records carries nothing to keep
    if (timestamp != null) {
      serverTimes.put(endpoint.path(), timestamp);
    }
    return new Page<>(items, total, positions, timestamp, processingTime);
  }

  private static BigDecimal decimalOrNull(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * {@code total_items} as a count, or -1 for "unknown" (page until a short or empty page): absent,
   * null, negative, not a number or beyond a long. {@code "25"} and {@code 25.7} count as 25.
   */
  private static long totalItems(JsonParser p, JsonToken token) throws IOException {
    BigDecimal total;
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      total = p.getDecimalValue();
    } else if (token == JsonToken.VALUE_STRING && p.getTextLength() <= 40) {
      try {
        total = new BigDecimal(p.getText().strip());
      } catch (NumberFormatException notANumber) {
        return -1;
      }
    } else {
      p.skipChildren();
      return -1;
    }
    return total.signum() < 0 || total.compareTo(MAX_TOTAL) > 0 ? -1 : total.longValue();
  }

  private static String at(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /** {@code users[3].created_at}: where in the record the value was. */
  private static String fieldPath(JsonMappingException e) {
    var path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "the record" : "'" + path + "'";
  }

  /** Reads one element of a list, the parser on its first token. */
  private interface Element<T> {
    T read(JsonParser p) throws IOException;
  }

  private <T> List<T> readList(
      JsonParser p, JsonToken token, Endpoint<T> endpoint, Response response) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return new ArrayList<>();
    }
    if (token != JsonToken.START_ARRAY) {
      throw response.malformed("'" + endpoint.listKey() + "' is not a list", null);
    }
    Class<?> decoded = endpoint.sentOf() != null ? endpoint.sentOf() : endpoint.type();
    ObjectReader reader =
        readers
            .computeIfAbsent(decoded, records::forType)
            .withAttribute(RawRecord.BODY, response.body())
            .withAttribute(SentJson.PAGE_BODY, response.body());
    if (endpoint.sentOf() == null) {
      return readElements(p, endpoint, response, reader::readValue);
    }
    @SuppressWarnings("unchecked") // an endpoint read as sent is an Endpoint<ApimoRecord>
    Element<T> sentOrTyped =
        q ->
            (T)
                (q.currentToken() == JsonToken.START_OBJECT
                    ? sent(q, endpoint.sentOf(), response.body())
                    : reader.readValue(q));
    return readElements(p, endpoint, response, sentOrTyped);
  }

  private <T> List<T> readElements(
      JsonParser p, Endpoint<T> endpoint, Response response, Element<T> element)
      throws IOException {
    var items = new ArrayList<T>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      try {
        items.add(element.read(p));
      } catch (JsonMappingException e) {
        e.prependPath(items, items.size());
        e.prependPath(endpoint, endpoint.listKey());
        throw e;
      } catch (JsonEOFException e) {
        throw response.malformed(
            cut(response, "inside " + endpoint.listKey() + "[" + items.size() + "]"), e);
      } catch (JsonProcessingException e) {
        String duplicate = duplicateField(e);
        if (duplicate == null) {
          throw e;
        }
        throw response.malformed(
            "the record "
                + endpoint.listKey()
                + "["
                + items.size()
                + "] has the field '"
                + duplicate
                + "' twice"
                + at(e)
                + "; which value is right cannot be told",
            e);
      }
    }
    return items;
  }

  /**
   * The object at the parser, not decoded: its bytes cut out of the page, its id read as the typed
   * record reads it (an id that record refuses fails here, naming the field, as it would there).
   * The parser's nesting and string limits apply as it passes over the rest.
   */
  private SentRecord sent(JsonParser p, Class<? extends ApimoRecord> type, byte[] body)
      throws IOException {
    long from = p.currentTokenLocation().getByteOffset();
    long id = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals("id")) {
        try {
          Long plain = Json.plainWholeNumber(p);
          id = plain != null ? plain : ids.<Long>readValue(p);
        } catch (JsonMappingException e) {
          e.prependPath(type, name);
          throw e;
        }
      } else {
        p.skipChildren();
      }
    }
    long to = p.currentLocation().getByteOffset();
    return new SentRecord(
        type, id, SentJson.of(Arrays.copyOfRange(body, (int) from, (int) to)), labels);
  }

  /**
   * A body whose JSON stops mid-value: every byte the response announced came (a shorter body is
   * refused by the HTTP layer, with both counts), so the server sent it cut.
   */
  private static String cut(Response response, String where) {
    return String.format(
        "the body was cut (unexpected end of input %s) after %,d bytes received, all the response"
            + " announced (its Content-Length or last chunk): the server sent it cut short",
        where, response.body().length);
  }

  /** The field named twice, when that is what {@code e} says (strict duplicate detection). */
  private static String duplicateField(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null || !message.startsWith("Duplicate field '")) {
      return null;
    }
    int end = message.indexOf('\'', "Duplicate field '".length());
    String name = end < 0 ? null : message.substring("Duplicate field '".length(), end);
    return name == null
        ? null
        : ControlChars.visible(name.length() > 60 ? name.substring(0, 60) + "..." : name)
            .replace("\n", "^J");
  }
}
