package dev.apimoshell.internal.client;

import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.internal.io.UserDirs;
import dev.apimoshell.internal.text.ControlChars;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Catalog bodies kept on disk between runs, so labels cost no request (Apimo's quota is 1,000 a
 * day). Apimo sends no caching headers for catalogs, so an HTTP cache would never store them; this
 * keeps each body as a file and trusts it for {@code ttl}.
 *
 * @param dir the root folder, or null for no disk cache
 * @param ttl how long a stored catalog is trusted
 */
public record CatalogCache(Path dir, Duration ttl) {

  /** No disk cache: each client fetches each catalog once. */
  public static CatalogCache none() {
    return new CatalogCache(null, Duration.ZERO);
  }

  /**
   * {@code $XDG_CACHE_HOME/apimo-shell/catalogs} (or {@code $HOME/.cache/...}, see {@link
   * UserDirs}), trusted for 7 days.
   */
  public static CatalogCache userDefault() {
    return new CatalogCache(
        UserDirs.fromEnvironment().cache().resolve("catalogs"), Duration.ofDays(7));
  }

  /** The user cache for a real server; none for loopback (the sandbox regenerates them anyway). */
  public static CatalogCache forServer(URI baseUrl) {
    return ApimoConfig.isLoopback(baseUrl) ? none() : userDefault();
  }

  Optional<byte[]> read(URI server, String key) {
    if (dir == null) {
      return Optional.empty();
    }
    Path file = file(server, key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty(); // a FIFO would block the read; see unusable()
    }
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      if (modified.toInstant().plus(ttl).isBefore(Instant.now())) {
        return Optional.empty();
      }
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether the key's entry exists but is no regular file (a folder, a FIFO): never read. */
  boolean unusable(URI server, String key) {
    if (dir == null) {
      return false;
    }
    Path file = file(server, key);
    return Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file);
  }

  /**
   * Moves the key's damaged entry aside as {@code NAME.json.bad} (replacing an older one), so the
   * next read fetches again and the damaged bytes stay for a look; returns where it went.
   */
  Path setAside(URI server, String key) throws IOException {
    Path file = file(server, key);
    Path aside = file.resolveSibling(file.getFileName() + ".bad");
    if (Files.isDirectory(aside, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(aside + " is a folder");
    }
    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
    return aside;
  }

  /** Stores a body; a cache that cannot be written is not an error, only a slower next run. */
  void write(URI server, String key, byte[] body) {
    if (dir == null) {
      return;
    }
    Path file = file(server, key);
    Path temp = null;
    try {
      Files.createDirectories(file.getParent());
      temp = Files.createTempFile(file.getParent(), ".catalog", ".part");
      Files.write(temp, body);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException ignored) {
      // Next run fetches again.
      deleteQuietly(temp);
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    } catch (IOException ignored) {
      // A stray .part file in a cache folder harms nothing.
    }
  }

  /** The key's file, never outside {@link #dir} whatever the key holds. */
  Path file(URI server, String key) {
    String host = server.getHost() + (server.getPort() < 0 ? "" : "_" + server.getPort());
    Path folder = dir.resolve(host).normalize();
    Path file = folder.resolve(key + ".json").normalize();
    if (!file.startsWith(folder) || !folder.startsWith(dir.normalize())) {
      throw new IllegalArgumentException("Not a catalog cache key: " + ControlChars.inline(key));
    }
    return file;
  }
}
