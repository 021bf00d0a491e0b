package dev.apimoshell.internal.export;

import dev.apimoshell.export.ExportException;
import dev.apimoshell.export.ExportFormat;
import dev.apimoshell.export.ExportOptions;
import dev.apimoshell.export.ExportSummary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Writes a stream of rows to a file, all or nothing.
 *
 * <pre>{@code
 * Exporter.export(agency.users().stream(), "users.csv", "id", "lastname", "email");
 * // users.csv: 40 rows, CSV, 5.1 KiB in 0.12 s
 * }</pre>
 *
 * <p>Rows are written as the stream yields them, on a thread of their own ({@link WriterThread}) so
 * that the next page downloads while this one is written, and memory stays flat however many there
 * are. They go to a hidden {@code .users.csv…part} file beside the target, moved over the target
 * only once complete: a failure halfway (the network drops, the disk fills, Ctrl-C interrupts the
 * thread) leaves the old file exactly as it was, deletes the partial one and throws an {@link
 * ExportException} saying so.
 *
 * <p>What a row is written as is decided in three places, which any other writer of these formats
 * must follow to write the same bytes: {@code Json.mapper()} (a record writes the object Apimo
 * sent, {@code model.AsSent}), the {@link Flattener} (the cells of a CSV line) and {@link
 * Columns#shape} (the header). CSV and TSV write the cells under one header: the chosen columns, or
 * else the row type's documented columns then every other column of every row (see {@link
 * CsvRowWriter}). JSON and NDJSON keep every field of every row as sent, nulls included, except
 * {@code password}, never written anywhere. Chosen columns are checked against the rows' type
 * before the first row is written ({@link Columns}).
 *
 * <p>The target is checked before the first row is asked for: a directory fails at once. A partial
 * file left by an export that could not clean up (the JVM was killed) is deleted by the next export
 * to the same target, once the process that wrote it is gone.
 */
public final class Exporter {
  private Exporter() {}

  /** Exports to {@code file}, format from its extension, with these columns or all. */
  public static ExportSummary export(Stream<?> rows, String file, String... columns) {
    return export(rows, Path.of(file), ExportOptions.defaults().withColumns(columns));
  }

  /**
   * Exports {@code rows} to {@code target} and closes the stream.
   *
   * @throws IllegalArgumentException when no format is given and the extension is unknown
   * @throws ExportException when the export fails; {@code target} is then unchanged
   */
  public static ExportSummary export(Stream<?> rows, Path target, ExportOptions options) {
    if (Files.isDirectory(target)) {
      rows.close();
      throw new ExportException(
          "Cannot export to "
              + target
              + ": it is a directory; name a file in it, e.g. "
              + target.resolve("export.csv"),
          0,
          null);
    }
    ExportFormat format =
        options.format() != null
            ? options.format()
            : ExportFormat.fromFileName(target.getFileName().toString());
    long start = System.nanoTime();
    boolean existed = Files.exists(target);
    long written = 0;
    Path temp = null;
    try (rows) {
      Path dir = parentDirectory(target);
      PartFiles parts = new PartFiles(dir, target.getFileName().toString());
      parts.removeStale();
      temp = parts.create();
      RowWriter writer;
      Object first = null;
      Columns.Resolved columns;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        Iterator<?> it = rows.iterator();
        boolean any = it.hasNext();
        if (any) {
          first = it.next();
        }
        Class<?> rowType = first == null ? null : Flattener.rowType(first);
        columns = Columns.resolve(options.columns(), rowType);
        writer = open(format, out, options.withColumns(columns.columns()), rowType);
        var thread = new WriterThread(writer);
        try {
          if (any) {
            thread.write(first);
          }
          while (it.hasNext()) {
            if (Thread.currentThread().isInterrupted()) {
              throw new InterruptedIOException("interrupted");
            }
            thread.write(it.next());
          }
          thread.finish();
        } finally {
          thread.close();
          written = thread.written();
        }
        writer.finish();
      }
      checkFound(columns, writer, written, first, options);
      if (writer.needsSecondPass()) {
        Path wide = parts.create();
        try (InputStream in = Files.newInputStream(temp);
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(wide), 1 << 16)) {
          writer.secondPass(in, out);
        } finally {
          deleteQuietly(temp);
          temp = wide;
        }
      }
      if (existed) {
        keepPermissions(target, temp);
      }
      long bytes = Files.size(temp);
      moveOver(temp, target);
      temp = null;
      return new ExportSummary(
          target, format, written, bytes, Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException | RuntimeException e) {
      throw failure(target, existed, written, options, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * The directory the target goes in.
   *
   * @throws NoSuchFileException when it is missing
   */
  private static Path parentDirectory(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString());
    }
    return dir;
  }

  /** Fails when a column no row type vouched for was in none of the rows written. */
  private static void checkFound(
      Columns.Resolved columns,
      RowWriter writer,
      long written,
      Object first,
      ExportOptions options) {
    if (written == 0 || columns.unverified().isEmpty()) {
      return;
    }
    var absent = new ArrayList<>(writer.columnsInNoRow());
    absent.retainAll(columns.unverified());
    if (!absent.isEmpty()) {
      throw new IllegalArgumentException(
          Columns.inNoRow(
              absent, written, Flattener.flatten(first, options.wantsLabels()).keySet()));
    }
  }

  private static RowWriter open(
      ExportFormat format, OutputStream out, ExportOptions options, Class<?> rowType)
      throws IOException {
    return switch (format) {
      case CSV -> new CsvRowWriter(out, options.dialect().separator(), options, rowType);
      case TSV -> new CsvRowWriter(out, '\t', options, rowType);
      case JSON -> new JsonRowWriter(out, false, options.columns(), options.wantsLabels());
      case NDJSON -> new JsonRowWriter(out, true, options.columns(), options.wantsLabels());
    };
  }

  /** A re-export keeps the mode the user gave the file. */
  private static void keepPermissions(Path from, Path to) throws IOException {
    try {
      Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: nothing to keep.
    }
  }

  private static void moveOver(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static ExportException failure(
      Path target, boolean existed, long written, ExportOptions options, Exception cause) {
    String name = target.getFileName().toString();
    var message =
        new StringBuilder()
            .append("Export to ")
            .append(name)
            .append(" failed after ")
            .append(written)
            .append(written == 1 ? " row; " : " rows; ")
            .append(name)
            .append(existed ? " is unchanged" : " was not created")
            .append(". Cause: ")
            .append(oneLine(cause));
    long offset = -1;
    if (options.resumeOffset() != null) {
      try {
        long at = options.resumeOffset().applyAsLong(written);
        offset = at;
        String resume = ".offset(" + at + ")";
        // At 0 there is nothing to skip; the stream's own failure may say it already.
        if (at > 0 && !message.toString().contains(resume)) {
          message.append(". It stopped at ").append(resume);
        }
      } catch (RuntimeException unknown) {
        cause.addSuppressed(unknown);
      }
    }
    return new ExportException(message.toString(), written, offset, cause);
  }

  /** The message of the failure that matters, past the wrappers that only carry it. */
  private static String oneLine(Throwable cause) {
    while (cause.getCause() != null
        && (cause instanceof UncheckedIOException
            || cause instanceof CompletionException
            || cause instanceof ExecutionException
            || cause instanceof UndeclaredThrowableException
            || String.valueOf(cause.getCause()).equals(cause.getMessage()))) {
      cause = cause.getCause();
    }
    String text = cause.getMessage();
    if (text == null || text.isBlank()) {
      text = cause.getClass().getSimpleName();
    } else if (cause instanceof NoSuchFileException) {
      text = "no such file or directory: " + text;
    }
    text = text.strip().replaceAll("\\s*\\R\\s*", " ");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // Nothing better to do: the export already failed with a clearer reason.
    }
  }
}
