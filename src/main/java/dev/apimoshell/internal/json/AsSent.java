package dev.apimoshell.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Where a record's {@link SentJson} is kept and written: the one place that decides what a record
 * looks like as JSON (and so in {@code toJson()}, tables and every export).
 *
 * <ul>
 *   <li>Reading: a record with a {@code SentJson} component gets the bytes of its object, copied
 *       from the page when the reader has it ({@link SentJson#PAGE_BODY}, a copy of a slice), else
 *       written again from the tokens read.
 *   <li>Writing: a record that kept its object writes exactly that (decimals as written, ids as
 *       sent); one without (built in Java) writes its typed fields.
 * </ul>
 */
final class AsSent {
  private AsSent() {}

  static final BeanDeserializerModifier READING =
      new BeanDeserializerModifier() {
        @Override
        public JsonDeserializer<?> modifyDeserializer(
            DeserializationConfig config, BeanDescription bean, JsonDeserializer<?> deserializer) {
          return keepsSent(bean.getBeanClass()) ? new Reader(deserializer) : deserializer;
        }
      };

  static final BeanSerializerModifier WRITING =
      new BeanSerializerModifier() {
        @Override
        @SuppressWarnings("unchecked")
        public JsonSerializer<?> modifySerializer(
            SerializationConfig config, BeanDescription bean, JsonSerializer<?> serializer) {
          return keepsSent(bean.getBeanClass())
              ? new Writer((JsonSerializer<Object>) serializer)
              : serializer;
        }
      };

  /** A model record with a {@code SentJson} component. */
  static boolean keepsSent(Class<?> type) {
    return type.isRecord()
        && KeepsSent.class.isAssignableFrom(type)
        && Stream.of(type.getRecordComponents()).anyMatch(c -> c.getType() == SentJson.class);
  }

  private static final class Reader extends DelegatingDeserializer {
    Reader(JsonDeserializer<?> typed) {
      super(typed);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> typed) {
      return new Reader(typed);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return super.deserialize(p, ctxt); // [] for "no object", null...: nothing to keep
      }
      Object page = ctxt.getAttribute(SentJson.PAGE_BODY);
      long from = p.currentTokenLocation().getByteOffset();
      if (page instanceof byte[] body && from >= 0) {
        Object record = super.deserialize(p, ctxt);
        long to = p.currentLocation().getByteOffset();
        if (to > from && to <= body.length) {
          fill(record, Arrays.copyOfRange(body, (int) from, (int) to));
        }
        return record;
      }
      TokenBuffer tokens = ctxt.bufferAsCopyOfValue(p);
      var bytes = new ByteArrayOutputStream(256);
      try (JsonGenerator g = Json.mapper().createGenerator(bytes)) {
        tokens.serialize(g);
      }
      try (JsonParser copy = tokens.asParserOnFirstToken()) {
        Object record = super.deserialize(copy, ctxt);
        fill(record, bytes.toByteArray());
        return record;
      }
    }

    private static void fill(Object record, byte[] object) {
      if (record instanceof KeepsSent r && r.sent() != null) {
        r.sent().fill(object);
      }
    }
  }

  private static final class Writer extends StdSerializer<Object>
      implements ContextualSerializer, ResolvableSerializer {
    private final JsonSerializer<Object> typed;

    Writer(JsonSerializer<Object> typed) {
      super(Object.class);
      this.typed = typed;
    }

    @Override
    public void serialize(Object value, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      SentJson sent = value instanceof KeepsSent r ? r.sent() : null;
      if (sent != null && sent.isFilled()) {
        sent.writeTo(g);
      } else {
        typed.serialize(value, g, provider);
      }
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Object value) {
      return typed.isEmpty(provider, value);
    }

    @Override
    public void resolve(SerializerProvider provider) throws JsonMappingException {
      if (typed instanceof ResolvableSerializer resolvable) {
        resolvable.resolve(provider);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
        throws JsonMappingException {
      if (!(typed instanceof ContextualSerializer contextual)) {
        return this;
      }
      JsonSerializer<?> made = contextual.createContextual(provider, property);
      return made == typed ? this : new Writer((JsonSerializer<Object>) made);
    }
  }
}
