package dev.apimoshell.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A 64-bit digest of a record that ignores key order: two records with the same fingerprint are
 * taken as equal, which a diff of a million records can afford to keep per record (SHA-256 cut to
 * 64 bits: a false match among a million records has a chance near 10<sup>-8</sup>).
 *
 * <p>Values count as Apimo wrote them: {@code "12"} and {@code 12} differ, and so do {@code null}
 * and an absent key. Not thread-safe: one per diff.
 */
final class Fingerprint {
  private final MessageDigest sha;
  private final byte[] length = new byte[4];

  Fingerprint() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  long of(JsonNode record) {
    feed(record);
    return ByteBuffer.wrap(sha.digest()).getLong();
  }

  private void feed(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>(node.size());
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      word("{" + names.size());
      for (String name : names) {
        word(name);
        feed(node.get(name));
      }
    } else if (node.isArray()) {
      word("[" + node.size());
      node.forEach(this::feed);
    } else {
      word(node.toString());
    }
  }

  /** Length first, so that no two sequences of words feed the same bytes. */
  private void word(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer.wrap(length).putInt(bytes.length);
    sha.update(length);
    sha.update(bytes);
  }
}
