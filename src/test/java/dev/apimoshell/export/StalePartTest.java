package dev.apimoshell.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.internal.export.Exporter;
import dev.apimoshell.internal.export.PartFiles;
import dev.apimoshell.testing.ChildJvm;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partial file left by a JVM killed mid-export is removed by the next export of its target. */
class StalePartTest {
  @TempDir Path dir;

  @Test
  void thePartOfAKilledExportIsRemovedByTheNextExportOfTheSameTarget() throws Exception {
    Path target = dir.resolve("users.csv");
    Files.writeString(target, "old\n");
    Process exporter =
        new ProcessBuilder(ChildJvm.command(EndlessExport.class.getName(), target.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("exporter.log").toFile())
            .start();
    try {
      Path part = awaitPart(target, exporter);
      exporter.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      assertThat(part).exists();
      assertThat(Files.readString(target)).isEqualTo("old\n");
      Path otherTargets = Files.writeString(dir.resolve(".users.csv.bak.1-abc.part"), "x");
      Path live =
          Files.writeString(
              dir.resolve(".users.csv." + ProcessHandle.current().pid() + "-live.part"), "x");

      Exporter.export(Stream.of(Map.of("id", 1)), target, ExportOptions.defaults());

      assertThat(part).doesNotExist();
      assertThat(live).exists();
      assertThat(otherTargets).exists();
      assertThat(Files.readString(target)).isEqualTo("id\r\n1\r\n");
    } finally {
      exporter.destroyForcibly();
    }
  }

  @Test
  void aPartWithoutAPidIsRemovedOnlyOnceItIsADayOld() throws Exception {
    Path target = dir.resolve("users.csv");
    Path recent = Files.writeString(dir.resolve(".users.csv.k3x9q1.part"), "x");
    Path old = Files.writeString(dir.resolve(".users.csv.a1b2c3.part"), "x");
    Files.setLastModifiedTime(
        old, FileTime.from(Instant.now().minus(PartFiles.MAX_AGE).minusSeconds(60)));

    Exporter.export(Stream.of(Map.of("id", 1)), target, ExportOptions.defaults());

    assertThat(old).doesNotExist();
    assertThat(recent).exists();
  }

  private static Path awaitPart(Path target, Process exporter) throws Exception {
    String prefix = "." + target.getFileName() + ".";
    for (int i = 0; i < 600 && exporter.isAlive(); i++) {
      try (Stream<Path> files = Files.list(target.getParent())) {
        List<Path> parts =
            files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        if (!parts.isEmpty()) {
          assertThat(parts.get(0).getFileName().toString())
              .startsWith(prefix + exporter.pid() + "-")
              .endsWith(".part");
          return parts.get(0);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no part file appeared; exporter log: "
            + Files.readString(target.resolveSibling("exporter.log")));
  }

  /** Exports rows that never end, slowly, until it is killed. */
  public static final class EndlessExport {
    public static void main(String[] args) {
      Stream<Map<String, Object>> rows =
          Stream.iterate(
                  0L,
                  i -> {
                    try {
                      Thread.sleep(20);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return i + 1;
                  })
              .map(i -> Map.of("id", i));
      Exporter.export(rows, new File(args[0]).toPath(), ExportOptions.defaults());
    }
  }
}
