package dev.apimoshell.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.e2e.AgainstTheSandbox;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What {@code mvn package} ships, run as a user would on a machine with a JDK and no Maven: {@code
 * java -jar target/apimo-shell.jar}, the {@code tar.gz} unpacked and installed into a fresh home,
 * its launcher reached through symlinks, and the repository's launcher symlinked. Runs after {@code
 * package} (failsafe, {@code mvn verify}); every process gets a {@code PATH} without {@code mvn}.
 * The tests run side by side (each mostly waits for its JVMs), so {@code mvn verify} waits less.
 */
@Execution(ExecutionMode.CONCURRENT)
class DistributionIT extends AgainstTheSandbox {

  private static final String SNIPPET = "Apimo.agency(14).users().count()";
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path JDK = Path.of(System.getProperty("java.home"));

  @TempDir static Path tmp;

  /** /usr/bin and /bin, less Maven and the JDK's commands, as symlinks in one folder. */
  private static Path tools;

  private String users;

  @BeforeAll
  static void toolsWithoutMavenOrJava() throws IOException {
    tools = Files.createDirectories(tmp.resolve("tools"));
    Set<String> excluded = new HashSet<>();
    try (Stream<Path> jdk = Files.list(JDK.resolve("bin"))) {
      jdk.forEach(p -> excluded.add(p.getFileName().toString()));
    }
    for (String dir : List.of("/usr/bin", "/bin")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        for (Path file : (Iterable<Path>) files::iterator) {
          String name = file.getFileName().toString();
          Path link = tools.resolve(name);
          if (!name.startsWith("mvn") && !excluded.contains(name) && !Files.exists(link)) {
            Files.createSymbolicLink(link, file);
          }
        }
      }
    }
  }

  /** Links out of the temporary folder, removed here so that its clean-up need not warn of each. */
  @AfterAll
  static void removeLinksOut() throws IOException {
    for (Path dir : List.of(tools, tmp.resolve("repo-links"))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> links = Files.list(dir)) {
          for (Path link : (Iterable<Path>) links::iterator) {
            Files.delete(link);
          }
        }
      }
    }
  }

  private String expectedUsers() {
    if (users == null) {
      users = String.valueOf(client.agency(14).users().count());
    }
    return users;
  }

  private record Run(int status, String out, String err) {}

  private static Run run(Path cwd, Map<String, String> extraEnv, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(k -> k.startsWith("APIMO_") || k.startsWith("XDG_") || k.equals("JAVA_HOME"));
    env.put("PATH", tools.toString());
    env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    env.put("APIMO_CDS", "0"); // no class-data training run: seconds saved per launch
    env.putAll(extraEnv);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("finished in time").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static synchronized Path unpackedArchive() throws IOException, InterruptedException {
    Path dir = tmp.resolve("unpacked");
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      String version = System.getProperty("apimo.version");
      Path archive = ROOT.resolve("target/apimo-shell-" + version + ".tar.gz");
      Run tar = run(dir, Map.of(), "tar", "-xzf", archive.toString());
      assertThat(tar.status()).as(tar.err()).isZero();
    }
    try (Stream<Path> top = Files.list(dir)) {
      return top.findFirst().orElseThrow();
    }
  }

  @Test
  void javaDashJarRunsASnippetOnTheSandbox() throws Exception {
    // From another folder: the manifest's class path is relative to the jar, not to the caller.
    Run run =
        run(
            tmp,
            Map.of(),
            JDK.resolve("bin/java").toString(),
            "-jar",
            ROOT.resolve("target/apimo-shell.jar").toString(),
            "--sandbox",
            "-e",
            SNIPPET);

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo(expectedUsers());
  }

  @Test
  void theArchiveInstallsIntoAHomeRunsThroughSymlinksOnJavaHomeAndUninstalls() throws Exception {
    Path dist = unpackedArchive();
    assertThat(dist.getFileName().toString())
        .isEqualTo("apimo-shell-" + System.getProperty("apimo.version"));
    Path home = tmp.resolve("install-home");
    Path data = tmp.resolve("xdg-data");
    Map<String, String> env = Map.of("HOME", home.toString(), "XDG_DATA_HOME", data.toString());

    Run install = run(dist, env, dist.resolve("install").toString());

    assertThat(install.status()).as(install.err()).isZero();
    Path link = home.resolve(".local/bin/apimo-shell");
    assertThat(Files.readSymbolicLink(link)).isEqualTo(dist.resolve("bin/apimo-shell"));
    assertThat(Files.readString(data.resolve("bash-completion/completions/apimo-shell")))
        .contains("complete -F _complete_apimo-shell");
    assertThat(Files.readString(data.resolve("zsh/site-functions/_apimo-shell")))
        .startsWith("#compdef apimo-shell");
    assertThat(home.resolve(".local/bin/apimo-sandbox")).exists();

    // A relative link to the installed link: the launcher follows the chain to its lib/.
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Path chained = Files.createSymbolicLink(elsewhere.resolve("ash"), elsewhere.relativize(link));
    Map<String, String> javaHomeOnly = Map.of("JAVA_HOME", JDK.toString());
    Run viaLinks = run(tmp, javaHomeOnly, chained.toString(), "--sandbox", "-e", SNIPPET);
    assertThat(viaLinks.status()).as(viaLinks.err()).isZero();
    assertThat(viaLinks.out().strip()).isEqualTo(expectedUsers());

    Run version = run(tmp, javaHomeOnly, dist.resolve("bin/apimo-shell").toString(), "--version");
    assertThat(version.status()).as(version.err()).isZero();
    assertThat(version.out())
        .contains("apimo-shell " + System.getProperty("apimo.version"))
        .contains("Java " + Runtime.version());

    Run sandboxHelp =
        run(tmp, javaHomeOnly, home.resolve(".local/bin/apimo-sandbox").toString(), "--help");
    assertThat(sandboxHelp.status()).as(sandboxHelp.err()).isZero();
    assertThat(sandboxHelp.out()).contains("Usage: apimo-sandbox");

    Run uninstall = run(dist, env, dist.resolve("install").toString(), "--uninstall");

    assertThat(uninstall.status()).as(uninstall.err()).isZero();
    assertThat(link).doesNotExist();
    assertThat(home.resolve(".local/bin/apimo-sandbox")).doesNotExist();
    assertThat(data.resolve("bash-completion/completions/apimo-shell")).doesNotExist();
    assertThat(data.resolve("zsh/site-functions/_apimo-shell")).doesNotExist();
  }

  @Test
  void withoutJavaTheLauncherSaysWhatToInstall() throws Exception {
    Run run =
        run(tmp, Map.of(), unpackedArchive().resolve("bin/apimo-shell").toString(), "-e", "1");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo("apimo-shell: no java on the PATH: install a JDK 17 or later, or set JAVA_HOME");
  }

  @Test
  void theRepositoryLauncherRunsWhenSymlinked() throws Exception {
    Path links = Files.createDirectories(tmp.resolve("repo-links"));
    Path link =
        Files.createSymbolicLink(links.resolve("apimo-shell"), ROOT.resolve("scripts/apimo-shell"));

    Run run =
        run(
            tmp,
            Map.of("PATH", JDK.resolve("bin") + ":" + tools),
            link.toString(),
            "--sandbox",
            "-e",
            SNIPPET);

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo(expectedUsers());
  }
}
