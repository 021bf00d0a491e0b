package dev.apimoshell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.testing.ChildJvm;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" of the library: {@code examples/embed-library} compiled against the library with
 * JLine and picocli left out, and run in a JVM of its own with that class path.
 */
class EmbedLibraryExampleTest {
  private static final Path EXAMPLE = Path.of("examples/embed-library/src/main/java");

  @TempDir Path dir;

  @Test
  void theExampleRunsWithoutJLineOrPicocli() throws Exception {
    String classPath = libraryClassPath();
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> sources;
    try (Stream<Path> files = Files.walk(EXAMPLE)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
    }
    var args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath));
    args.addAll(sources);
    var compilerOut = new java.io.ByteArrayOutputStream();
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(null, compilerOut, compilerOut, args.toArray(String[]::new));
    assertThat(compiled).as(compilerOut.toString(StandardCharsets.UTF_8)).isZero();

    Path home = Files.createDirectories(dir.resolve("home"));
    var process =
        new ProcessBuilder(
                ChildJvm.onClassPath(
                    classes + File.pathSeparator + classPath, "example.EmbedLibrary"))
            .redirectError(dir.resolve("stderr.txt").toFile())
            .redirectOutput(dir.resolve("stdout.txt").toFile());
    process.environment().put("HOME", home.toString());
    process.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
    process.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
    Process run = process.start();
    assertThat(run.waitFor(300, TimeUnit.SECONDS)).as("the example ends").isTrue();
    String out = Files.readString(dir.resolve("stdout.txt"));
    String err = Files.readString(dir.resolve("stderr.txt"));
    assertThat(run.exitValue()).as(out + err).isZero();

    assertThat(out.lines())
        .as(err)
        .contains(
            "jline absent: true", "picocli absent: true", "refused write: WriteRefusedException")
        .anyMatch(l -> l.matches("shared limiter: 0 answers 429 in \\d+ requests"))
        .anyMatch(l -> l.matches("culture switch: \\S+/\\S+, 0 mixed of 14000 reads"))
        .contains("100 clients closed: 0 threads left")
        .anyMatch(
            l ->
                l.matches(
                    "queries: users 40, properties 500, contacts 2000, exported 40\\+400, show"
                        + " \\d+ lines"))
        .anyMatch(l -> l.matches("logged: [1-9]\\d* lines, first: INFO Capture of agency 14.*"));
    assertThat(out).doesNotContain("culture switch: Sale/Sale");
  }

  /** target/classes and the library's dependencies, without JLine, picocli or test jars. */
  private static String libraryClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(
            entry ->
                !entry.contains("jline")
                    && !entry.contains("picocli")
                    && !entry.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
