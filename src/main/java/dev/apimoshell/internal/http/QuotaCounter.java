package dev.apimoshell.internal.http;

import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.QuotaUsage;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts one provider's requests per Apimo day in a small file under the user's cache directory, so
 * separate runs add up. The file holds {@code 2026-11-29 123}; it is rewritten under a file lock by
 * an atomic move, so concurrent runs neither lose counts nor leave a half-written file. Counting is
 * advisory: when the disk refuses, the count lives on in memory.
 */
public final class QuotaCounter {
  static final long DAILY_LIMIT = 1_000;
  public static final ZoneId APIMO_ZONE = ZoneId.of("Europe/Paris");
  private static final double WARN_AT = 0.8;
  private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;
  private final String provider;
  private final Clock clock;
  private LocalDate day;
  private long used;
  private LocalDate warnedDay;

  public QuotaCounter(Path dir, URI baseUrl, String provider, Clock clock) {
    this.provider = provider;
    this.clock = clock;
    String name = (baseUrl.getHost() + "-" + provider).replaceAll("[^A-Za-z0-9._-]", "_");
    this.file = dir == null ? null : dir.resolve(name + ".count");
  }

  /** {@code $XDG_CACHE_HOME/apimo-shell/quota} or {@code ~/.cache/apimo-shell/quota}. */
  static Path userDirectory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path root =
        xdg == null || xdg.isBlank()
            ? Path.of(System.getProperty("user.home"), ".cache")
            : Path.of(xdg);
    return root.resolve("apimo-shell").resolve("quota");
  }

  public static boolean isLoopback(URI baseUrl) {
    return ApimoConfig.isLoopback(baseUrl);
  }

  /** Adds one request; returns the usage when it just crossed the warning threshold. */
  public synchronized QuotaUsage countOne() {
    LocalDate today = LocalDate.now(clock.withZone(APIMO_ZONE));
    used = update(today);
    day = today;
    var usage = new QuotaUsage(provider, today, used, DAILY_LIMIT);
    if (used >= DAILY_LIMIT * WARN_AT && !today.equals(warnedDay)) {
      warnedDay = today;
      return usage;
    }
    return null;
  }

  /** Today's count, read again from disk so other runs' requests show. */
  public synchronized QuotaUsage usage() {
    LocalDate today = LocalDate.now(clock.withZone(APIMO_ZONE));
    long count = today.equals(day) ? used : 0;
    if (file != null) {
      try {
        count = Math.max(count, read(today));
      } catch (IOException e) {
        // keep the in-memory count
      }
    }
    return new QuotaUsage(provider, today, count, DAILY_LIMIT);
  }

  private long update(LocalDate today) {
    long inMemory = today.equals(day) ? used + 1 : 1;
    if (file == null) {
      return inMemory;
    }
    try {
      Files.createDirectories(file.getParent());
      Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
      // A FileLock excludes other processes; counters of one JVM also take the same monitor.
      synchronized (IN_PROCESS.computeIfAbsent(file.toAbsolutePath(), f -> new Object())) {
        try (FileChannel channel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          long next = Math.max(read(today) + 1, inMemory);
          Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
          try {
            Files.writeString(temp, today + " " + next + "\n", StandardCharsets.UTF_8);
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
      return inMemory;
    }
  }

  private long read(LocalDate today) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
    if (parts.length != 2 || !parts[0].equals(today.toString())) {
      return 0; // another day, or a file we do not understand: start again
    }
    try {
      return Math.max(0, Long.parseLong(parts[1]));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
