package dev.apimoshell.snapshot;

import dev.apimoshell.api.Query;
import dev.apimoshell.model.RawRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The hidden folder a capture or refresh writes in, beside its target ({@code .agency-14.capture}
 * for {@code agency-14}), moved over the target only once complete.
 *
 * <p>A list being read goes to {@code NAME.ndjson.part}, renamed {@code NAME.ndjson} when the list
 * is complete: a finished file is never read again, and a part file is resumed at the offset of its
 * last whole line, its records' ids kept so that the page read again adds no duplicate.
 */
final class WorkFolder {
  private WorkFolder() {}

  /** {@code .NAME.SUFFIX} beside {@code target}. */
  static Path beside(Path target, String suffix) {
    Path absolute = target.toAbsolutePath().normalize();
    return absolute.resolveSibling("." + absolute.getFileName() + "." + suffix);
  }

  /**
   * Reads {@code query} into {@code file}, resuming a part file left by an interrupted run one page
   * before its end: records deleted at Apimo meanwhile shift the rest back, and a resume at the
   * exact offset would skip as many. The page read again adds nothing twice: records with an id
   * already kept are dropped, and so are id-less records equal byte for byte to one of that page.
   *
   * @param pageSize the query's records per request
   * @return the records in the finished file
   */
  static long readInto(Query<RawRecord> query, Path file, int pageSize) throws IOException {
    if (Files.exists(file)) {
      return lines(file);
    }
    Path part = file.resolveSibling(file.getFileName() + ".part");
    Set<Long> kept = new HashSet<>();
    ArrayDeque<byte[]> lastPage = new ArrayDeque<>();
    long written = 0;
    if (Files.exists(part)) {
      cutToLastLine(part);
      try (Stream<byte[]> lines = lineBytes(part)) {
        for (Iterator<byte[]> it = lines.iterator(); it.hasNext(); written++) {
          byte[] line = it.next();
          long id = RawRecord.of(line).id();
          if (id > 0) {
            kept.add(id);
          }
          lastPage.addLast(line);
          if (lastPage.size() > pageSize) {
            lastPage.removeFirst();
          }
        }
      }
    }
    long resumeAt = Math.max(0, written - pageSize);
    long again = written - resumeAt;
    List<ByteBuffer> idless = new ArrayList<>();
    for (byte[] line : lastPage) {
      if (RawRecord.of(line).id() <= 0) {
        idless.add(ByteBuffer.wrap(line));
      }
    }
    Query<RawRecord> rest = resumeAt == 0 ? query : query.offset(resumeAt);
    try (OutputStream out =
            new BufferedOutputStream(
                Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                1 << 16);
        Stream<RawRecord> records = rest.stream()) {
      long seen = 0;
      for (Iterator<RawRecord> it = records.iterator(); it.hasNext(); seen++) {
        RawRecord record = it.next();
        if (record.id() > 0 && kept.contains(record.id())) {
          continue; // read before the interruption
        }
        if (record.id() <= 0 && seen < again && idless.remove(ByteBuffer.wrap(record.bytes()))) {
          continue; // the same id-less record, read again with its page
        }
        record.writeTo(out);
        out.write('\n');
        written++;
      }
    }
    move(part, file);
    return written;
  }

  /** Lines in a finished NDJSON file. */
  static long lines(Path file) throws IOException {
    try (Stream<byte[]> lines = lineBytes(file)) {
      return lines.count();
    }
  }

  /** The non-blank lines of a file, as bytes (UTF-8 as written). */
  static Stream<byte[]> lineBytes(Path file) throws IOException {
    var reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8);
    return reader
        .lines()
        .filter(line -> !line.isBlank())
        .map(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .onClose(
            () -> {
              try {
                reader.close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** Drops a last line a killed process left half-written. */
  private static void cutToLastLine(Path part) throws IOException {
    try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
      long size = channel.size();
      long keep = size;
      var one = java.nio.ByteBuffer.allocate(1);
      try (FileChannel reader = FileChannel.open(part, StandardOpenOption.READ)) {
        while (keep > 0) {
          one.clear();
          reader.read(one, keep - 1);
          if (one.get(0) == '\n') {
            break;
          }
          keep--;
        }
      }
      if (keep < size) {
        channel.truncate(keep);
      }
    }
  }

  /** Appends the files, in order, into {@code target} (beside, then moved). */
  static void concatenate(List<Path> files, Path target) throws IOException {
    Path part = target.resolveSibling(target.getFileName() + ".part");
    try (OutputStream out = Files.newOutputStream(part)) {
      for (Path file : files) {
        try (InputStream in = Files.newInputStream(file)) {
          in.transferTo(out);
        }
      }
    }
    move(part, target);
  }

  /**
   * Puts the finished {@code work} folder in place of {@code target}: a previous snapshot there is
   * moved aside first, moved back if the new one cannot be put in place, else deleted.
   */
  static void replace(Path work, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = beside(target, "old");
      deleteTree(old);
      move(target, old);
    }
    try {
      move(work, target);
    } catch (IOException | RuntimeException e) {
      if (old != null) {
        try {
          move(old, target);
        } catch (IOException | RuntimeException back) {
          e.addSuppressed(back);
        }
      }
      throw e;
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  /** Writes {@code file} whole or not at all: beside it, then moved over it. */
  static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path part = file.resolveSibling(file.getFileName() + ".part");
    Files.write(part, bytes);
    move(part, file);
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }

  /**
   * Copies the files of the subfolder {@code name} of {@code folder} (one level) into {@code to}; a
   * link, FIFO or device among them is refused ({@link FolderFiles}).
   */
  static void copyFiles(Path folder, String name, Path to) throws IOException {
    var from = FolderFiles.folder(folder, name);
    if (from.isEmpty()) {
      return;
    }
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from.get())) {
      for (Path file : files.toList()) {
        String child = name + "/" + file.getFileName();
        try (InputStream in = FolderFiles.open(folder, child)) {
          Files.copy(in, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
