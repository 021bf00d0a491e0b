package dev.apimoshell.internal.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader sees the old content or the new, never half of it: the bytes go to
 * {@code name.part} beside it, which then replaces it in one move.
 *
 * <pre>{@code AtomicFiles.write(folder.resolve("manifest.json"), bytes);}</pre>
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code file} through {@code file.part}, creating its folder. */
  public static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path part = file.resolveSibling(file.getFileName() + ".part");
    Files.write(part, bytes);
    move(part, file);
  }

  /** Moves {@code from} onto {@code to} atomically where the file system can, else replacing it. */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
