package dev.apimoshell.snapshot;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Told how a capture or a refresh goes: what it will cost against today's quota, that it resumes an
 * interrupted capture. Library code prints nothing: by default these lines go to the {@link
 * System.Logger} {@code dev.apimoshell.snapshot} at level INFO; the shell prints them.
 *
 * <pre>{@code
 * client.snapshot(14, "agency-14", SnapshotListener.printing(System.out));
 * client.snapshot(14, "agency-14", line -> log.info(line));
 * }</pre>
 */
@FunctionalInterface
public interface SnapshotListener {

  /** One line of progress, e.g. {@code This capture needs about 120 requests...}. */
  void onProgress(String line);

  /** Lines to the {@link System.Logger} {@code dev.apimoshell.snapshot}, level INFO. */
  static SnapshotListener logging() {
    System.Logger log = System.getLogger("dev.apimoshell.snapshot");
    return line -> log.log(System.Logger.Level.INFO, line);
  }

  /** Lines printed to {@code out}. */
  static SnapshotListener printing(PrintStream out) {
    Objects.requireNonNull(out, "out");
    return out::println;
  }

  /** Nothing told. */
  static SnapshotListener none() {
    return line -> {};
  }
}
