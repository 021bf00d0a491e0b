package dev.apimoshell.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.apimoshell.internal.export.Exporter;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExportFailureTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void failureMidwayLeavesTheTargetByteIdenticalAndNoTempFile(ExportFormat format)
      throws Exception {
    Path target = dir.resolve("users." + format.extensions().get(0));
    byte[] before = "previous export, kept\n".getBytes(StandardCharsets.UTF_8);
    Files.write(target, before);

    assertThatThrownBy(() -> Exporter.export(failingAfter(2000), target, ExportOptions.defaults()))
        .isInstanceOf(ExportException.class)
        .hasMessage(
            "Export to "
                + target.getFileName()
                + " failed after 2000 rows; "
                + target.getFileName()
                + " is unchanged. Cause: Connection reset")
        .hasRootCauseInstanceOf(SocketException.class)
        .satisfies(e -> assertThat(((ExportException) e).rowsWritten()).isEqualTo(2000));

    assertThat(Files.readAllBytes(target)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void messageTellsWhereToResumeAndWhenNothingWasThereBefore() {
    Path target = dir.resolve("users.csv");
    var options = ExportOptions.defaults().withResumeOffset(written -> 100 + written);
    Stream<Map<String, Integer>> rows = failingAfter(3);

    assertThatThrownBy(() -> Exporter.export(rows, target, options))
        .hasMessage(
            "Export to users.csv failed after 3 rows; users.csv was not created. "
                + "Cause: Connection reset. It stopped at .offset(103)");
    assertThat(target).doesNotExist();
  }

  @Test
  void aFailureBeforeAnyRowFromTheStartHasNoResumeHint() {
    Path target = dir.resolve("users.csv");
    var options = ExportOptions.defaults().withResumeOffset(written -> written);

    assertThatThrownBy(() -> Exporter.export(failingAfter(0), target, options))
        .hasMessage(
            "Export to users.csv failed after 0 rows; users.csv was not created. "
                + "Cause: Connection reset");
  }

  @Test
  void anInterruptedThreadStopsTheExportAndKeepsItsInterruptFlag() throws Exception {
    Path target = dir.resolve("users.ndjson");
    Files.writeString(target, "old\n");
    Stream<Map<String, Long>> rows =
        LongStream.range(0, 1_000)
            .mapToObj(
                i -> {
                  if (i == 10) {
                    Thread.currentThread().interrupt();
                  }
                  return Map.of("id", i);
                });

    try {
      assertThatThrownBy(() -> Exporter.export(rows, target, ExportOptions.defaults()))
          .hasMessageContaining("failed after 10 rows")
          .hasMessageEndingWith("Cause: interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(Files.readString(target)).isEqualTo("old\n");
  }

  @Test
  void theStreamIsClosedEitherWay() {
    var closed = new AtomicBoolean();

    assertThatThrownBy(
        () ->
            Exporter.export(
                failingAfter(1).onClose(() -> closed.set(true)),
                dir.resolve("a.csv"),
                ExportOptions.defaults()));

    assertThat(closed).isTrue();
  }

  @Test
  void unknownExtensionFailsBeforeTouchingAnything() {
    assertThatThrownBy(
            () -> Exporter.export(Stream.of(Map.of("a", 1)), dir.resolve("users.xlsx").toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users.xlsx")
        .hasMessageContaining(".csv, .tsv, .json, .ndjson, .jsonl");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aMissingDirectoryIsAClearFailure() {
    Path target = dir.resolve("no/such/dir/users.csv");

    assertThatThrownBy(
            () -> Exporter.export(Stream.of(Map.of("a", 1)), target, ExportOptions.defaults()))
        .isInstanceOf(ExportException.class)
        .hasMessageStartingWith(
            "Export to users.csv failed after 0 rows; users.csv was not created. Cause: ")
        .hasMessageContaining("no/such/dir");
  }

  @Test
  void aNewFileGetsTheUsualPermissionsAndARewriteKeepsTheFilesOwn() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Set<PosixFilePermission> usual =
        Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
    Path fresh = dir.resolve("fresh.csv");
    Path kept = dir.resolve("kept.csv");
    Files.createFile(
        kept, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));

    Exporter.export(Stream.of(Map.of("a", 1)), fresh, ExportOptions.defaults());
    Exporter.export(Stream.of(Map.of("a", 1)), kept, ExportOptions.defaults());

    assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(usual);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
        .isEqualTo("rw-r-----");
  }

  /** Writes 200,000 rows that never exist together: the stream makes each one on demand. */
  @Test
  void manyRowsFromALazyStreamAreAllWritten() throws Exception {
    Path target = dir.resolve("many.csv");
    var made = new AtomicLong();
    Stream<Fixtures.Listing> rows =
        LongStream.range(0, 200_000)
            .mapToObj(
                i -> {
                  made.incrementAndGet();
                  return Fixtures.plain(i);
                });

    ExportSummary summary =
        Exporter.export(
            rows, target, ExportOptions.defaults().withColumns("id", "title", "price.value"));

    assertThat(summary.rows()).isEqualTo(200_000);
    assertThat(made).hasValue(200_000);
    try (Stream<String> lines = Files.lines(target)) {
      assertThat(lines.count()).isEqualTo(200_001);
    }
    try (Stream<String> lines = Files.lines(target)) {
      assertThat(lines.skip(200_000).findFirst()).hasValue("199999,Appartement 199999,299999");
    }
  }

  /** Rows {@code {"id": 0}}, {@code {"id": 1}}... then, after {@code n} rows, the network fails. */
  private static Stream<Map<String, Integer>> failingAfter(int n) {
    Iterator<Map<String, Integer>> rows =
        new Iterator<>() {
          int next;

          @Override
          public boolean hasNext() {
            if (next == n) {
              throw new UncheckedIOException(
                  "page " + (n / 1000 + 1), new SocketException("Connection reset"));
            }
            return true;
          }

          @Override
          public Map<String, Integer> next() {
            return Map.of("id", next++);
          }
        };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false);
  }
}
