package dev.apimoshell.internal.export;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden partial files of one export target: {@code .users.csv.4242-k3x9q1.part}, named with
 * the pid of the JVM writing it, so that a later export can tell a live part from one left by a JVM
 * that was killed.
 *
 * <pre>{@code
 * var parts = new PartFiles(dir, "users.csv");
 * parts.removeStale();      // parts of users.csv whose process is gone
 * Path temp = parts.create();
 * }</pre>
 *
 * A part is stale when its process no longer runs, or, whatever the pid says (a pid reused, a part
 * from before pids were in the name), when it was last written more than a day ago. A JVM in
 * another pid namespace (another container sharing the directory) looks gone: should its export of
 * the same file be running, its move at the end fails and leaves its target as it was.
 */
public final class PartFiles {
  public static final Duration MAX_AGE = Duration.ofDays(1);
  private static final Pattern MIDDLE = Pattern.compile("(?:([0-9]+)-)?[0-9a-z]+");

  private final Path dir;
  private final String name;

  public PartFiles(Path dir, String name) {
    this.dir = dir;
    this.name = name;
  }

  /** A new empty part file; not {@code createTempFile}, whose owner-only mode would stay. */
  Path create() throws IOException {
    long pid = ProcessHandle.current().pid();
    while (true) {
      String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      try {
        return Files.createFile(dir.resolve("." + name + "." + pid + "-" + suffix + ".part"));
      } catch (FileAlreadyExistsException taken) {
        // Try another name.
      }
    }
  }

  /** Deletes this target's stale parts; a part that cannot be read or deleted is left alone. */
  void removeStale() {
    String prefix = "." + name + ".";
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.part")) {
      for (Path entry : entries) {
        String file = entry.getFileName().toString();
        if (!file.startsWith(prefix) || file.length() <= prefix.length() + ".part".length()) {
          continue;
        }
        Matcher middle =
            MIDDLE.matcher(file.substring(prefix.length(), file.length() - ".part".length()));
        if (middle.matches() && isStale(entry, middle.group(1))) {
          Files.deleteIfExists(entry);
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // Cleaning up is a courtesy: the export itself does not depend on it.
    }
  }

  private static boolean isStale(Path part, String pid) throws IOException {
    if (pid != null && !isRunning(pid)) {
      return true;
    }
    Instant written = Files.getLastModifiedTime(part).toInstant();
    return written.isBefore(Instant.now().minus(MAX_AGE));
  }

  private static boolean isRunning(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException tooLong) {
      return false;
    }
  }
}
