package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up machinery never gets in the way: a missing class-data archive is recorded
 * and the start goes on, the next start maps it, a corrupt one is ignored without a word, and
 * {@code APIMO_SHELL_TIMING=1} lists the phases on stderr, leaving stdout alone.
 */
class StartupLauncherTest {

  @TempDir Path home;

  private record Run(int status, String out, String err) {}

  private Run launch(Map<String, String> extraEnv, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of("scripts", "apimo-shell").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("APIMO_") || k.startsWith("XDG_"));
    env.put("APIMO_SHELL_CP", System.getProperty("java.class.path"));
    env.put("HOME", home.toString());
    env.putAll(extraEnv);
    Process p =
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Run(p.exitValue(), out, err);
  }

  /**
   * The shell's classes as a jar, then the dependency jars of this JVM's class path: the JVM
   * archives classes from jars only (with a directory on the class path the training run does all
   * its work, then refuses to write the archive), as in the build's {@code target/} and the
   * distribution.
   */
  private String jarClassPath() throws Exception {
    Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path jar = home.resolve("apimo-shell.jar");
    ToolProvider tool = ToolProvider.findFirst("jar").orElseThrow();
    StringWriter toolOut = new StringWriter();
    PrintWriter toolWriter = new PrintWriter(toolOut, true);
    String[] create = {
      "--create", "--no-compress", "--file", jar.toString(), "-C", classes.toString(), "."
    };
    assertThat(tool.run(toolWriter, toolWriter, create)).as(toolOut.toString()).isZero();
    List<String> entries = new ArrayList<>(List.of(jar.toString()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  @Test
  void aMissingArchiveIsRecordedAndACorruptOneIgnored() throws Exception {
    Path archive = home.resolve("shell.jsa");
    Map<String, String> env =
        Map.of("APIMO_CDS_ARCHIVE", archive.toString(), "APIMO_SHELL_CP", jarClassPath());
    // After recording, the launcher starts the shell with the archive; -Xshare:on makes that JVM
    // fail unless it maps the archive.
    Map<String, String> required = new HashMap<>(env);
    required.put("APIMO_JAVA_OPTS", "-Xshare:on");
    Run first = launch(required, "--sandbox", "-e", "1 + 1");
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo("2\n");
    assertThat(first.err()).contains("recording a class-data archive");
    assertThat(archive).isNotEmptyFile();

    Files.writeString(archive, "not an archive");
    Run corrupt = launch(env, "--sandbox", "-e", "2 + 1");
    assertThat(corrupt.status()).isZero();
    assertThat(corrupt.out()).isEqualTo("3\n");
    assertThat(corrupt.err()).isEmpty();
  }

  @Test
  void theTimerListsThePhasesOnStderr() throws Exception {
    Run run = // a script that names the API: one that does not starts no sandbox
        launch(
            Map.of("APIMO_SHELL_TIMING", "1", "APIMO_CDS", "0"),
            "--sandbox",
            "-e",
            "Apimo.agency(14) == null ? 0 : 1 + 1");
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("2\n");
    assertThat(run.err().lines())
        .allMatch(l -> l.matches("apimo-shell: timing +\\d+ ms +[+-]\\d+  .+ \\[.+\\]"))
        .anyMatch(l -> l.contains("launcher script"))
        .anyMatch(l -> l.contains("jvm started"))
        .anyMatch(l -> l.contains("jshell built"))
        .anyMatch(l -> l.contains("imports"))
        .anyMatch(l -> l.contains("sandbox started"))
        .anyMatch(l -> l.contains("script run"));
  }

  @Test
  void offTheTimerPrintsNothing() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StartupTiming.redirect(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      StartupTiming.mark("phase one");
      assertThat(StartupTiming.enabled()).isTrue();
    } finally {
      StartupTiming.redirect(null);
    }
    StartupTiming.mark("phase two");
    assertThat(StartupTiming.enabled()).isFalse();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("apimo-shell: timing")
        .contains("phase one [")
        .doesNotContain("phase two");
  }
}
