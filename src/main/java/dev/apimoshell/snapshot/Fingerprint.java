package dev.apimoshell.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A 64-bit hash of a record that ignores key order: two records with the same fingerprint are taken
 * as equal, which a diff of a million records can afford to keep per record. Not cryptographic: two
 * versions of one record share a fingerprint with a chance near 2<sup>-64</sup>.
 *
 * <p>Values count as Apimo wrote them: {@code "12"} and {@code 12} differ, and so do {@code null}
 * and an absent key. An object's fields are hashed each with its key and summed, so their order
 * does not count; a list's elements are hashed in order.
 */
final class Fingerprint {
  private static final long PRIME = 0x100000001b3L;

  private Fingerprint() {}

  static long of(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        long sum = 0;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          sum += mix(text(field.getKey(), 1) * PRIME + of(field.getValue()));
        }
        return mix(sum + node.size() * 0x9E3779B97F4A7C15L + 2);
      }
      case ARRAY -> {
        long hash = 3;
        for (JsonNode element : node) {
          hash = mix(hash * PRIME + of(element));
        }
        return mix(hash + node.size());
      }
      case STRING -> {
        return text(node.textValue(), 4);
      }
      default -> {
        return text(node.toString(), 5);
      }
    }
  }

  /** FNV-1a over the characters, then mixed. */
  private static long text(String text, long kind) {
    long hash = 0xcbf29ce484222325L ^ kind;
    for (int i = 0; i < text.length(); i++) {
      hash = (hash ^ text.charAt(i)) * PRIME;
    }
    return mix(hash ^ text.length());
  }

  /** MurmurHash3's finaliser: every input bit moves every output bit. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
