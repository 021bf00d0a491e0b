package dev.apimoshell.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The file formats an export can write, each known by its file extensions.
 *
 * <pre>{@code ExportFormat.fromFileName("actions.jsonl")  // NDJSON}</pre>
 */
public enum ExportFormat {
  /** Comma-separated values (or the {@link CsvDialect}'s separator), flattened columns. */
  CSV("csv"),
  /** Tab-separated values, flattened columns. */
  TSV("tsv"),
  /** One JSON array, one record a line, nested objects kept. */
  JSON("json"),
  /** One JSON record a line (JSON Lines), nested objects kept. */
  NDJSON("ndjson", "jsonl");

  private final List<String> extensions;

  ExportFormat(String... extensions) {
    this.extensions = List.of(extensions);
  }

  /** Extensions without the dot, the first one is the usual one. */
  public List<String> extensions() {
    return extensions;
  }

  /** True for CSV and TSV, whose rows are flat cells under one header. */
  public boolean isTabular() {
    return this == CSV || this == TSV;
  }

  /**
   * The format a file name asks for, by its extension (case ignored).
   *
   * @throws IllegalArgumentException naming the supported extensions when none matches
   */
  public static ExportFormat fromFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    for (ExportFormat format : values()) {
      if (format.extensions.contains(extension)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "Cannot tell the export format of '"
            + fileName
            + "': use one of "
            + supported()
            + " (or give the format in ExportOptions)");
  }

  private static String supported() {
    return Arrays.stream(values())
        .flatMap(format -> format.extensions.stream())
        .map(extension -> "." + extension)
        .collect(Collectors.joining(", "));
  }
}
