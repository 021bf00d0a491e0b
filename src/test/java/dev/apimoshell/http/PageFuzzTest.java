package dev.apimoshell.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimoshell.internal.client.Endpoint;
import dev.apimoshell.internal.client.PageFetcher;
import dev.apimoshell.internal.http.ApimoHttp;
import dev.apimoshell.internal.http.ErrorMessages;
import dev.apimoshell.model.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Mutates a valid page of users thousands of times (truncation, type swaps, nulls, deep nesting,
 * huge values, control characters, flipped bytes) and serves each over HTTP: every run either
 * parses or fails with an {@link ApimoException}, within a time bound and under the body cap.
 */
class PageFuzzTest {
  private static final int CASES = 3000;
  private static final long SEED = 20261129L;
  private static final int CAP = 1 << 20;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          com.fasterxml.jackson.core.JsonFactory.builder()
              .streamWriteConstraints(
                  com.fasterxml.jackson.core.StreamWriteConstraints.builder()
                      .maxNestingDepth(100_000)
                      .build())
              .build());
  private static final Endpoint<User> USERS =
      new Endpoint<>(Hostile.USERS, "users", User.class, 10_000);

  private final Random random = new Random(SEED);

  @Test
  void everyMutatedPageParsesOrFailsWithAnApimoException() throws Exception {
    AtomicReference<byte[]> body = new AtomicReference<>();
    try (var caseThread = new CaseThread();
        var server =
            HostileServer.keepingAlive(
                (request, out, socket) -> HostileServer.keepAlive(out, body.get()))) {
      var config =
          Hostile.config(server.baseUrl())
              .withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1))
              .withLimits(
                  Hostile.FAST.withMaxBodyBytes(CAP).withBodyTimeout(Duration.ofSeconds(10)));
      var fetcher = new PageFetcher(new ApimoHttp(config));
      JsonNode valid = MAPPER.readTree(page());
      byte[] validBytes = MAPPER.writeValueAsBytes(valid);
      Map<String, Integer> outcomes = new TreeMap<>();

      for (int i = 0; i < CASES; i++) {
        Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
        byte[] mutated = mutate(mutation, valid, validBytes.clone());
        body.set(mutated);
        String outcome =
            caseThread.within(
                Duration.ofSeconds(10),
                () -> {
                  try {
                    fetcher.fetch(USERS, Map.of(), 100, 0);
                    return "parsed";
                  } catch (ApimoException e) {
                    assertThat(e.getMessage()).contains("GET " + Hostile.USERS);
                    return e.getClass().getSimpleName();
                  }
                },
                () -> "case " + mutation + ": " + preview(mutated));
        outcomes.merge(mutation + " " + outcome, 1, Integer::sum);
      }

      System.out.println("PageFuzzTest: " + CASES + " cases, seed " + SEED + ": " + outcomes);
      assertThat(outcomes.keySet()).anyMatch(k -> k.endsWith("parsed"));
      assertThat(outcomes.keySet()).anyMatch(k -> k.endsWith("MalformedResponseException"));
    }
  }

  enum Mutation {
    TRUNCATE,
    TYPE_SWAP,
    NULL,
    NESTING,
    HUGE_VALUE,
    CONTROL_CHARACTERS,
    BYTE_FLIP,
    DROP_KEY
  }

  /** {@code bytes}: a copy of {@code valid} as written, for the mutations of the bytes. */
  private byte[] mutate(Mutation mutation, JsonNode valid, byte[] bytes) throws Exception {
    switch (mutation) {
      case TRUNCATE:
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      case BYTE_FLIP:
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
      case CONTROL_CHARACTERS:
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = random.nextInt(text.length());
        String[] controls = {
          "\u0000", "\u001b[2J", "\u001b]52;c;aGk=\u0007", "\u009b", "\ud800", "\uffff", "\u202e"
        };
        return (text.substring(0, at)
                + controls[random.nextInt(controls.length)]
                + text.substring(at))
            .getBytes(StandardCharsets.UTF_8);
      default:
        JsonNode copy = valid.deepCopy();
        List<Slot> slots = new ArrayList<>();
        collect(copy, slots);
        Slot slot = slots.get(random.nextInt(slots.size()));
        slot.set(replacement(mutation, slot.get()));
        return MAPPER.writeValueAsBytes(copy);
    }
  }

  private JsonNode replacement(Mutation mutation, JsonNode old) {
    switch (mutation) {
      case NULL:
        return NODES.nullNode();
      case DROP_KEY:
        return null;
      case NESTING:
        JsonNode nested = old;
        for (int depth = 10 + random.nextInt(3000); depth > 0; depth--) {
          nested =
              random.nextBoolean()
                  ? NODES.arrayNode().add(nested)
                  : NODES.objectNode().set("a", nested);
        }
        return nested;
      case HUGE_VALUE:
        switch (random.nextInt(4)) {
          case 0:
            return NODES.textNode("x".repeat(random.nextInt(CAP + (CAP >> 1))));
          case 1:
            return NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(2000))));
          case 2:
            return NODES.numberNode(-Double.MAX_VALUE);
          default:
            ArrayNode many = NODES.arrayNode();
            for (int i = random.nextInt(30_000); i > 0; i--) {
              many.add(i);
            }
            return many;
        }
      default: // TYPE_SWAP
        JsonNode[] kinds = {
          NODES.textNode("text"),
          NODES.textNode(""),
          NODES.numberNode(2.5),
          NODES.numberNode(-1),
          NODES.booleanNode(true),
          NODES.objectNode().put("k", 1),
          NODES.arrayNode().add(1),
          NODES.textNode("2020-13-45 99:99:99"),
          NODES.numberNode(Long.MAX_VALUE)
        };
        return kinds[random.nextInt(kinds.length)];
    }
  }

  /** A place in the tree that holds a value: a field of an object or an element of an array. */
  private interface Slot {
    JsonNode get();

    void set(JsonNode value);
  }

  private static void collect(JsonNode node, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        slots.add(
            new Slot() {
              public JsonNode get() {
                return object.get(name);
              }

              public void set(JsonNode value) {
                if (value == null) {
                  object.remove(name);
                } else {
                  object.set(name, value);
                }
              }
            });
        collect(object.get(name), slots);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        int index = i;
        slots.add(
            new Slot() {
              public JsonNode get() {
                return array.get(index);
              }

              public void set(JsonNode value) {
                array.set(index, value == null ? NODES.nullNode() : value);
              }
            });
        collect(array.get(i), slots);
      }
    }
  }

  private static String page() {
    var users = new StringBuilder();
    for (int id = 1; id <= 5; id++) {
      users
          .append(id == 1 ? "" : ",")
          .append("{\"id\":\"")
          .append(id)
          .append("\",\"agency\":14,\"active\":")
          .append(id % 2 == 0)
          .append(",\"created_at\":\"2020-01-0")
          .append(id)
          .append(" 10:00:00\",\"firstname\":\"Hélène\",\"lastname\":\"D'Artagnan\",")
          .append(
              "\"group\":\"2\",\"email\":null,\"phone\":\"+33 1 23\",\"birthday_at\":\"1980-02-03\",")
          .append("\"city\":{\"id\":3,\"name\":\"Paris\"},\"tags\":[1,\"two\",null]}");
    }
    return "{\"total_items\":5,\"timestamp\":1700000000,\"users\":[" + users + "]}";
  }

  /**
   * The thread every case runs on, with a preemptive time bound like {@code
   * assertTimeoutPreemptively}'s, without a new thread per case.
   */
  private static final class CaseThread implements AutoCloseable {
    private final ExecutorService thread =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread t = new Thread(task, "fuzz-case");
              t.setDaemon(true);
              return t;
            });

    <T> T within(Duration bound, Callable<T> work, Supplier<String> what) throws Exception {
      Future<T> result = thread.submit(work);
      try {
        return result.get(bound.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        result.cancel(true);
        throw new AssertionError(what.get() + " ==> still running after " + bound, e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw (Exception) e.getCause();
      }
    }

    @Override
    public void close() {
      thread.shutdownNow();
    }
  }

  private static String preview(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
    return body.length + " B: " + ErrorMessages.oneLine(text, 300);
  }
}
