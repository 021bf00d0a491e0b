package dev.apimoshell.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per snapshot folder: a capture or refresh holds this lock while it writes the folder
 * and its work folders ({@code .agency-14.capture}, {@code .agency-14.refresh}), so a second one,
 * in this process or another, refuses in one line instead of appending the same records again.
 *
 * <p>The lock is an OS lock on {@code .agency-14.lock} beside the folder (beside, because the
 * folder itself is replaced when a capture finishes). The file is left in place: deleting it would
 * let a third writer lock a new file while the second still waits on the old one. A process that
 * dies releases its lock with it.
 *
 * <pre>{@code
 * try (FolderLock lock = FolderLock.take(Path.of("agency-14"), "capture")) { ... }
 * // IllegalStateException: another capture or refresh is writing agency-14; wait for it to finish
 * }</pre>
 */
final class FolderLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code target} for writing, or refuses at once.
   *
   * @param what {@code "capture"} or {@code "refresh"}, for the message
   * @throws IllegalStateException when another capture or refresh holds it, in one line
   */
  static FolderLock take(Path target, String what) {
    Path file = WorkFolder.beside(target, "lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException sameProcess) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            "Cannot "
                + what
                + " "
                + target
                + ": another capture or refresh is writing it; wait for it to finish, then run"
                + " this again");
      }
      return new FolderLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Cannot lock " + file + " to " + what + " " + target, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // Closing the channel below releases it too.
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing more to release.
      }
    }
  }
}
