package dev.apimoshell.internal.http;

import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.QuotaUsage;
import java.io.IOException;
import java.net.URI;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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
  private static final Pattern DAY_COUNT = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{1,18}");
  private static final long MAX_BYTES = 64;

  private final Path file;
  private final String provider;
  private final Clock clock;
  private LocalDate day;
  private long used;
  private LocalDate warnedDay;
  private String notice;
  private boolean noticed;

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
        count = Math.max(count, read(today, false));
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
          long next = Math.max(read(today, true) + 1, inMemory);
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
      if (!noticed) {
        noticed = true;
        notice =
            "Warning: cannot write the quota count file "
                + file
                + " ("
                + (e instanceof FileSystemException f && f.getReason() != null
                    ? f.getReason()
                    : e.getClass().getSimpleName())
                + "); this run counts its requests in memory only.";
      }
      return inMemory;
    }
  }

  /**
   * The count on disk for {@code today}: 0 for another day. A file that is not {@code DAY COUNT}
   * (or no regular file) is damaged; when {@code repair} (under the lock), it is moved aside as
   * {@code .bad} and a notice is kept for {@link #takeNotice}.
   */
  private long read(LocalDate today, boolean repair) throws IOException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    String[] parts = {};
    if (Files.isRegularFile(file) && Files.size(file) <= MAX_BYTES) {
      parts = Files.readString(file, StandardCharsets.ISO_8859_1).strip().split(" ");
    }
    if (parts.length == 2 && DAY_COUNT.matcher(parts[0] + " " + parts[1]).matches()) {
      try {
        long count = Long.parseLong(parts[1]);
        return parts[0].equals(today.toString()) ? count : 0;
      } catch (NumberFormatException tooLarge) {
        // damaged, below
      }
    }
    if (repair) {
      moveAside();
    }
    return 0;
  }

  private void moveAside() throws IOException {
    Path aside = file.resolveSibling(file.getFileName() + ".bad");
    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
    if (notice == null && !noticed) {
      noticed = true;
      notice =
          "Warning: the quota count file "
              + file
              + " was damaged; moved aside as "
              + aside.getFileName()
              + ", so today's count starts again from this run's requests.";
    }
  }

  /**
   * A one-line notice that the count file was damaged and reset, once per counter; null when there
   * is none (or it was taken already).
   */
  public synchronized String takeNotice() {
    String taken = notice;
    notice = null;
    return taken;
  }
}
