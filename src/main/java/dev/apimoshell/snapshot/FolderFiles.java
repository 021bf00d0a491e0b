package dev.apimoshell.snapshot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The one rule for reading a file of a folder someone else may have made (a snapshot passed around,
 * a cache folder): only regular files inside the folder are opened. A symbolic link anywhere below
 * the folder (the file or a subfolder on the way), a FIFO, a device or a socket is refused before
 * anything is opened, so reading never follows a link out of the folder and never blocks on a pipe.
 * The folder itself may be a link: the user named it.
 *
 * <pre>{@code
 * try (InputStream in = FolderFiles.open(folder, "catalogs/index.json")) { ... }
 * // FolderFiles.UnsafeFileException: catalogs/index.json in agency-14 is a symbolic link; a
 * // snapshot folder holds only regular files
 * }</pre>
 */
public final class FolderFiles {
  private FolderFiles() {}

  /**
   * A file that is not a plain regular file of its folder; the message names it and says why, on
   * one line.
   */
  public static final class UnsafeFileException extends IOException {
    private final String name;

    UnsafeFileException(String name, Path folder, String why) {
      super(name + " in " + folder + " " + why + "; a snapshot folder holds only regular files");
      this.name = name;
    }

    /** The file's name relative to its folder, as given. */
    public String name() {
      return name;
    }
  }

  /**
   * {@code name} (relative, {@code /}-separated) under {@code folder}, checked as the class says.
   *
   * @return empty when there is no such file
   * @throws UnsafeFileException when it, or a folder on the way, is a link, a FIFO, a device, or
   *     the name leaves the folder
   */
  public static Optional<Path> find(Path folder, String name) throws IOException {
    return check(folder, name, false);
  }

  /**
   * The subfolder {@code name} of {@code folder}, checked as {@link #find} checks files (then list
   * its files with {@link #find} too).
   *
   * @return empty when there is no such folder
   */
  public static Optional<Path> folder(Path folder, String name) throws IOException {
    return check(folder, name, true);
  }

  private static Optional<Path> check(Path folder, String name, boolean directory)
      throws IOException {
    Path file = folder.resolve(name).normalize();
    Path base = folder.normalize();
    if (name.isEmpty()
        || Path.of(name).isAbsolute()
        || !file.startsWith(base)
        || file.equals(base)) {
      throw new UnsafeFileException(name, folder, "is not a file name inside the folder");
    }
    Path at = base;
    Path relative = base.relativize(file);
    for (int i = 0; i < relative.getNameCount(); i++) {
      at = at.resolve(relative.getName(i));
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
      boolean last = i == relative.getNameCount() - 1;
      String what = last ? name : base.relativize(at).toString();
      if (attributes.isSymbolicLink()) {
        throw new UnsafeFileException(what, folder, "is a symbolic link");
      }
      if (last && !directory ? !attributes.isRegularFile() : !attributes.isDirectory()) {
        throw new UnsafeFileException(what, folder, "is " + kind(attributes));
      }
    }
    return Optional.of(file);
  }

  /**
   * As {@link #find}, but a missing file is an error.
   *
   * @throws NoSuchFileException naming the file, when there is none
   */
  public static Path require(Path folder, String name) throws IOException {
    return find(folder, name)
        .orElseThrow(() -> new NoSuchFileException(name + " is missing from " + folder));
  }

  /** Opens {@code name} of {@code folder} for reading, after {@link #require}. */
  public static InputStream open(Path folder, String name) throws IOException {
    return Files.newInputStream(require(folder, name), LinkOption.NOFOLLOW_LINKS);
  }

  /** {@link #open} as UTF-8 text. */
  public static BufferedReader reader(Path folder, String name) throws IOException {
    return new BufferedReader(
        new InputStreamReader(open(folder, name), StandardCharsets.UTF_8), 1 << 16);
  }

  /** {@link #open}, read whole. */
  public static byte[] readAllBytes(Path folder, String name) throws IOException {
    try (InputStream in = open(folder, name)) {
      return in.readAllBytes();
    }
  }

  private static String kind(BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a folder, not a file";
    }
    if (attributes.isRegularFile()) {
      return "a file, not a folder";
    }
    return "a FIFO, device or socket, not a regular file";
  }
}
