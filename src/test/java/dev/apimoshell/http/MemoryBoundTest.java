package dev.apimoshell.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bodies that would not fit a small heap, each in a JVM of its own with {@code -Xmx256m}: the
 * client ends with a clear error and the process exits, instead of an {@link OutOfMemoryError} and
 * a hang.
 */
class MemoryBoundTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} under -Xmx{1}")
  @CsvSource({
    "bomb,   256m, inflates to more than 64 MiB",
    "huge,   256m, the body is more than 64 MiB",
    "string, 256m, announces 476.8 MiB",
    "oom,    128m, the body is more than 32 MiB (the per-page cap, a quarter of the 128 MiB Java heap",
  })
  void endsWithAClearErrorAndExits(String mode, String heap, String expected) throws Exception {
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:TieredStopAtLevel=1", // the JVM's collector (the bound is the heap's), C1
                "-Xshare:auto",
                "-Duser.home=" + dir,
                "-cp",
                System.getProperty("java.class.path"),
                HostileMain.class.getName(),
                mode)
            .redirectErrorStream(false)
            .redirectError(err.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .start();

    boolean ended = process.waitFor(90, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }

    String stderr = read(err);
    assertThat(ended).as("ended; stderr: %s", stderr).isTrue();
    assertThat(process.exitValue()).as(stderr).isEqualTo(1);
    assertThat(stderr).contains(expected).doesNotContain("Exception in thread");
    assertThat(List.of(stderr.split("\n"))).as("one line").hasSize(1);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
  }
}
