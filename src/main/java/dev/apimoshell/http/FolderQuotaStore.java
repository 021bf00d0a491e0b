package dev.apimoshell.http;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link QuotaStore#folder}: a file per key holding {@code 2026-11-29 123}, rewritten under a file
 * lock by an atomic move, so concurrent runs neither lose counts nor leave a half-written file.
 */
final class FolderQuotaStore implements QuotaStore {
  private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path dir;

  FolderQuotaStore(Path dir) {
    this.dir = dir;
  }

  @Override
  public long add(String key, LocalDate day, long requests) {
    Path file = dir.resolve(key + ".count");
    try {
      if (requests == 0) {
        return read(file, day);
      }
      Files.createDirectories(dir);
      Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
      // A FileLock excludes other processes; stores of one JVM also take the same monitor.
      synchronized (IN_PROCESS.computeIfAbsent(file.toAbsolutePath(), f -> new Object())) {
        try (FileChannel channel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          long next = read(file, day) + requests;
          Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
          try {
            Files.writeString(temp, day + " " + next + "\n", StandardCharsets.UTF_8);
            try {
              Files.move(
                  temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
              Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
          } finally {
            Files.deleteIfExists(temp);
          }
          return next;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1; // the caller keeps its count in memory
    }
  }

  private static long read(Path file, LocalDate day) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
    if (parts.length != 2 || !parts[0].equals(day.toString())) {
      return 0; // another day, or a file we do not understand: start again
    }
    try {
      return Math.max(0, Long.parseLong(parts[1]));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public String toString() {
    return "QuotaStore.folder(" + dir + ")";
  }
}
