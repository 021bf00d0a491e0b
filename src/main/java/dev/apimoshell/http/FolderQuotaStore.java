package dev.apimoshell.http;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * {@link QuotaStore#folder}: a file per key holding {@code 2026-11-29 123}, rewritten under a file
 * lock by an atomic move, so concurrent runs neither lose counts nor leave a half-written file.
 */
final class FolderQuotaStore implements QuotaStore {
  private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

  private static final Pattern DAY_COUNT = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{1,18}");
  private static final long MAX_BYTES = 64;

  private final Path dir;
  private final AtomicReference<String> notice = new AtomicReference<>();

  FolderQuotaStore(Path dir) {
    this.dir = dir;
  }

  @Override
  public long add(String key, LocalDate day, long requests) {
    Path file = dir.resolve(key + ".count");
    try {
      if (requests == 0) {
        return read(file, day, false);
      }
      Files.createDirectories(dir);
      Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
      // A FileLock excludes other processes; stores of one JVM also take the same monitor.
      synchronized (IN_PROCESS.computeIfAbsent(file.toAbsolutePath(), f -> new Object())) {
        try (FileChannel channel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          long next = read(file, day, true) + requests;
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
      notice.compareAndSet(
          null,
          "Warning: cannot write the quota count file "
              + file
              + " ("
              + (e instanceof FileSystemException f && f.getReason() != null
                  ? f.getReason()
                  : e.getClass().getSimpleName())
              + "); this run counts its requests in memory only.");
      return -1; // the caller keeps its count in memory
    }
  }

  /**
   * The count in {@code file} for {@code day}: 0 for another day. A file that is not {@code DAY
   * COUNT} (or no regular file, a FIFO say, which is never opened) is damaged; when {@code repair}
   * (under the lock), it is moved aside as {@code .bad} and a notice kept for {@link #takeNotice}.
   */
  private long read(Path file, LocalDate day, boolean repair) throws IOException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    String[] parts = {};
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) <= MAX_BYTES) {
      parts = Files.readString(file, StandardCharsets.ISO_8859_1).strip().split(" ");
    }
    if (parts.length == 2 && DAY_COUNT.matcher(parts[0] + " " + parts[1]).matches()) {
      try {
        long count = Long.parseLong(parts[1]);
        return parts[0].equals(day.toString()) ? count : 0;
      } catch (NumberFormatException tooLarge) {
        // damaged, below
      }
    }
    if (repair) {
      Path aside = file.resolveSibling(file.getFileName() + ".bad");
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      notice.compareAndSet(
          null,
          "Warning: the quota count file "
              + file
              + " was damaged; moved aside as "
              + aside.getFileName()
              + ", so today's count starts again from this run's requests.");
    }
    return 0;
  }

  @Override
  public String takeNotice() {
    return notice.getAndSet(null);
  }

  @Override
  public String toString() {
    return "QuotaStore.folder(" + dir + ")";
  }
}
