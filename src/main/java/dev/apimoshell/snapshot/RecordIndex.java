package dev.apimoshell.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * One side of a diff kept small: for each record of an NDJSON file, its {@link Fingerprint} and
 * where its line is, never the record itself. A record is read again ({@link #read(int)}) only when
 * the other side's version differs.
 *
 * <p>About 45 bytes a record when ids are numbers, as Apimo's are (an open-addressing table of
 * {@code long} ids over three arrays): some 45 MB for a million actions. Other ids go in a {@code
 * HashMap}; records without an id are kept by fingerprint, to be matched by content. A second
 * record with an id already seen is ignored.
 */
final class RecordIndex implements AutoCloseable {
  private final Path file;
  private FileChannel channel;
  private long lineNumber;

  // Per row: the fingerprint and where the line is.
  private long[] hashes = new long[1024];
  private long[] offsets = new long[1024];
  private int[] lengths = new int[1024];
  private int rows;
  private final BitSet matched = new BitSet();

  // Numeric id -> row + 1 (0: empty slot), open addressing, at most 3/4 full.
  private long[] keys = new long[2048];
  private int[] slots = new int[2048];
  private int numeric;
  private final Map<String, Integer> otherIds = new HashMap<>();
  private final Map<Long, ArrayDeque<Integer>> byContent = new HashMap<>();

  private RecordIndex(Path file) {
    this.file = file;
  }

  /** Indexes {@code file}, a file {@link SnapshotFolder#file} checked. */
  static RecordIndex of(Path file) {
    RecordIndex index = new RecordIndex(file);
    index.load();
    return index;
  }

  /** The {@code id} of a record or list element as text, null when it has none. */
  static String id(JsonNode node) {
    JsonNode id = node == null ? null : node.get("id");
    return id == null || !id.isValueNode() || id.isNull() ? null : id.asText();
  }

  /** The row of the record with this id, or -1; marks it matched. */
  int take(String id) {
    int row = find(id);
    if (row >= 0) {
      matched.set(row);
    }
    return row;
  }

  /** Matches a record without id by content: whether one with that fingerprint was left. */
  boolean takeByContent(long hash) {
    ArrayDeque<Integer> same = byContent.get(hash);
    if (same == null || same.isEmpty()) {
      return false;
    }
    matched.set(same.poll());
    return true;
  }

  long hash(int row) {
    return hashes[row];
  }

  /** The rows no record of the other side matched, in file order. */
  List<Integer> unmatched() {
    List<Integer> left = new ArrayList<>();
    for (int row = matched.nextClearBit(0); row < rows; row = matched.nextClearBit(row + 1)) {
      left.add(row);
    }
    return left;
  }

  /** The record at {@code row}, read again from the file. */
  ObjectNode read(int row) {
    try {
      if (channel == null) {
        channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      }
      ByteBuffer line = ByteBuffer.allocate(lengths[row]);
      while (line.hasRemaining()) {
        if (channel.read(line, offsets[row] + line.position()) < 0) {
          throw new IOException(file + " changed while it was compared");
        }
      }
      return parse(line.array(), line.limit());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void load() {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] buffer = new byte[1 << 16];
      byte[] line = new byte[4096];
      int length = 0;
      long offset = 0;
      for (int read; (read = in.read(buffer)) >= 0; ) {
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            addLine(line, length, offset);
            offset += length + 1;
            length = 0;
          } else {
            if (length == line.length) {
              line = Arrays.copyOf(line, length * 2);
            }
            line[length++] = buffer[i];
          }
        }
      }
      addLine(line, length, offset);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void addLine(byte[] line, int length, long offset) {
    stopIfInterrupted();
    lineNumber++;
    if (!isBlank(line, length)) {
      add(parse(line, length), offset, length);
    }
  }

  private void add(ObjectNode record, long offset, int length) {
    String id = id(record);
    if (id != null && find(id) >= 0) {
      return;
    }
    if (rows == hashes.length) {
      hashes = Arrays.copyOf(hashes, rows * 2);
      offsets = Arrays.copyOf(offsets, rows * 2);
      lengths = Arrays.copyOf(lengths, rows * 2);
    }
    long hash = Fingerprint.of(record);
    hashes[rows] = hash;
    offsets[rows] = offset;
    lengths[rows] = length;
    if (id == null) {
      byContent.computeIfAbsent(hash, h -> new ArrayDeque<>()).add(rows);
    } else if (asLong(id) != null) {
      putNumeric(asLong(id), rows);
    } else {
      otherIds.put(id, rows);
    }
    rows++;
  }

  private int find(String id) {
    Long key = asLong(id);
    if (key == null) {
      return otherIds.getOrDefault(id, -1);
    }
    for (int slot = slot(key); slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
      if (keys[slot] == key) {
        return slots[slot] - 1;
      }
    }
    return -1;
  }

  private void putNumeric(long key, int row) {
    if (4 * (numeric + 1) > 3 * slots.length) {
      long[] oldKeys = keys;
      int[] oldSlots = slots;
      keys = new long[oldKeys.length * 2];
      slots = new int[oldSlots.length * 2];
      for (int i = 0; i < oldSlots.length; i++) {
        if (oldSlots[i] != 0) {
          insert(oldKeys[i], oldSlots[i]);
        }
      }
    }
    insert(key, row + 1);
    numeric++;
  }

  private void insert(long key, int value) {
    int slot = slot(key);
    while (slots[slot] != 0) {
      slot = (slot + 1) & (slots.length - 1);
    }
    keys[slot] = key;
    slots[slot] = value;
  }

  private int slot(long key) {
    long mixed = key * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> 33) & (slots.length - 1);
  }

  /** The id as a long when that is exactly how it is written ({@code 9}, not {@code 09}). */
  private static Long asLong(String id) {
    if (id.isEmpty() || id.length() > 18) {
      return null;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9' || (c == '0' && i == 0 && id.length() > 1)) {
        return null;
      }
    }
    return Long.parseLong(id);
  }

  /** Ctrl-C at the prompt interrupts the snippet's thread: a long diff stops between records. */
  static void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("the diff was stopped");
    }
  }

  private static boolean isBlank(byte[] line, int length) {
    for (int i = 0; i < length; i++) {
      if (!Character.isWhitespace(line[i])) {
        return false;
      }
    }
    return true;
  }

  private ObjectNode parse(byte[] line, int length) {
    try {
      return SnapshotFolder.record(line, length);
    } catch (IllegalArgumentException e) {
      throw new UncheckedIOException(
          "line " + lineNumber + " of " + file + " is damaged (" + e.getMessage() + ")",
          new IOException(e.getMessage(), e));
    }
  }
}
