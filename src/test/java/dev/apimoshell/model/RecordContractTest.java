package dev.apimoshell.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.apimoshell.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each record against the full shape of ../shared/apimo-api.md: a sample with every documented
 * field (in Apimo's mixed types) parses with nothing left in {@code extra()} at any depth, every
 * field the record types is one the contract documents (nothing invented), and {@code toJson()}
 * gives back the same fields.
 */
public class RecordContractTest {
  private static final PropertyNamingStrategies.NamingBase SNAKE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("property.json", Property.class),
        Arguments.of("user.json", User.class),
        Arguments.of("agency.json", Agency.class),
        Arguments.of("contact.json", Contact.class),
        Arguments.of("contract.json", Contract.class),
        Arguments.of("action.json", Action.class));
  }

  static JsonNode sample(String file) throws IOException {
    try (InputStream in = RecordContractTest.class.getResourceAsStream("contract/" + file)) {
      return Json.mapper().readTree(in);
    }
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("shapes")
  void everyDocumentedFieldIsTypedNothingIsLeftInExtra(String file, Class<?> type)
      throws Exception {
    Object record = Json.mapper().treeToValue(sample(file), type);

    assertThat(extras(record, type.getSimpleName())).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("shapes")
  void everyTypedFieldIsDocumented(String file, Class<?> type) throws Exception {
    assertThat(undocumented(type, sample(file), type.getSimpleName())).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("shapes")
  void toJsonGivesBackTheSameFields(String file, Class<?> type) throws Exception {
    JsonNode sample = sample(file);
    ApimoRecord record = (ApimoRecord) Json.mapper().treeToValue(sample, type);

    JsonNode written = Json.mapper().readTree(record.toJson());

    TreeSet<String> sent = paths(sample, "");
    sent.removeIf(p -> p.endsWith("password"));
    assertThat(paths(written, "")).isEqualTo(sent);
  }

  /** The fields a record left untyped, at any depth: {@code Property.pictures[].width}. */
  public static TreeSet<String> extras(Object value, String at) throws Exception {
    var found = new TreeSet<String>();
    if (value instanceof Record record) {
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        Object v = c.getAccessor().invoke(record);
        if (c.getName().equals("extra")) {
          ((Map<?, ?>) v).keySet().forEach(key -> found.add(at + "." + key));
        } else {
          found.addAll(extras(v, at + "." + c.getName()));
        }
      }
    } else if (value instanceof List<?> list) {
      for (Object element : list) {
        found.addAll(extras(element, at + "[]"));
      }
    }
    return found;
  }

  /** The JSON names a record class types that the sample (the contract) does not have. */
  private static List<String> undocumented(Class<?> type, JsonNode sample, String at) {
    var found = new java.util.ArrayList<String>();
    var description =
        Json.mapper().getSerializationConfig().introspect(Json.mapper().constructType(type));
    for (BeanPropertyDefinition property : description.findProperties()) {
      if (!property.getName().equals("extra") && !sample.has(property.getName())) {
        found.add(at + "." + property.getName());
      }
    }
    for (RecordComponent c : type.getRecordComponents()) {
      Class<?> nested = modelRecord(c.getGenericType());
      JsonNode value = sample.get(SNAKE.translate(c.getName()));
      if (nested == null || value == null) {
        continue;
      }
      if (value.isArray()) {
        var union = Json.mapper().createObjectNode(); // the fields of all the elements
        value.forEach(e -> e.properties().forEach(f -> union.set(f.getKey(), f.getValue())));
        found.addAll(undocumented(nested, union, at + "." + c.getName() + "[]"));
      } else {
        found.addAll(undocumented(nested, value, at + "." + c.getName()));
      }
    }
    return found;
  }

  /** The model record a component holds, directly or as list elements; null for anything else. */
  private static Class<?> modelRecord(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return modelRecord(p.getActualTypeArguments()[0]);
    }
    return type instanceof Class<?> c && c.isRecord() && c.getPackage() == Json.class.getPackage()
        ? c
        : null;
  }

  /** The leaf paths of a JSON tree: {@code price.value}, {@code pictures[].url}. */
  static TreeSet<String> paths(JsonNode node, String prefix) {
    var paths = new TreeSet<String>();
    if (node.isObject()) {
      node.properties()
          .forEach(
              f ->
                  paths.addAll(
                      paths(f.getValue(), prefix + (prefix.isEmpty() ? "" : ".") + f.getKey())));
    } else if (node.isArray() && !node.isEmpty()) {
      node.forEach(e -> paths.addAll(paths(e, prefix + "[]")));
    } else if (!node.isNull()) {
      paths.add(prefix);
    }
    return paths;
  }
}
