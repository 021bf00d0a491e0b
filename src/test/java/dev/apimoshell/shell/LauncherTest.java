package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.DefaultClientReset;
import dev.apimoshell.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/apimo-shell} as cron or a container runs it: {@code LANG=C}, {@code HOME} pointing
 * elsewhere than the account's home. Runs on the test class path ({@code APIMO_SHELL_CP}), so no
 * build.
 */
@ExtendWith(DefaultClientReset.class)
class LauncherTest {

  @TempDir Path home;

  private record Run(int status, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  private Run launch(Map<String, String> extraEnv, String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of("scripts", "apimo-shell").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(k -> k.startsWith("APIMO_") || k.startsWith("XDG_") || k.startsWith("LC_"));
    env.put("APIMO_SHELL_CP", System.getProperty("java.class.path"));
    env.put("HOME", home.toString());
    env.put("LANG", "C");
    env.putAll(extraEnv);
    Process p = builder.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    byte[] stdout = p.getInputStream().readAllBytes();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), stdout, stderr);
  }

  // Each launch starts a JVM and JShell (seconds on a busy machine): a few facts per launch.

  @Test
  void underLcAllCOutputIsUtf8ExceptionsKeepTheirMessagesAndTokenFlagsWarn() throws Exception {
    // The JIT (C2, which APIMO_JAVA_OPTS can give back) replaces an exception thrown often at one
    // place by a preallocated one without message or stack trace, unless the JVM runs with
    // -XX:-OmitStackTraceInFastThrow: the launcher's JVM says whether it does.
    String omitsStackTraces =
        "java.lang.management.ManagementFactory"
            + ".getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)"
            + ".getVMOption(\"OmitStackTraceInFastThrow\").getValue()";
    Run run =
        launch(
            Map.of("LC_ALL", "C"),
            "",
            "--sandbox",
            "--token",
            "visible-in-ps",
            "-e",
            "\"François\"",
            "-e",
            "\"Fran\\u00e7ois\"",
            "-e",
            omitsStackTraces);
    assertThat(run.stdout())
        .isEqualTo("François\nFrançois\nfalse\n".getBytes(StandardCharsets.UTF_8));
    assertThat(run.stderr().lines())
        .singleElement()
        .asString()
        .contains("--token", "APIMO_TOKEN")
        .doesNotContain("visible-in-ps");
    assertThat(run.status()).isZero();
  }

  @Test
  void underLangCHomeFromTheEnvironmentHoldsTheProfileAndStdinIsUtf8() throws Exception {
    try (Sandbox sandbox = Sandbox.start()) {
      Path profile = home.resolve(".config/apimo-shell/default.properties");
      Files.createDirectories(profile.getParent());
      Files.writeString(
          profile,
          "base-url="
              + sandbox.baseUrl()
              + "\nprovider="
              + sandbox.provider()
              + "\ntoken="
              + sandbox.token()
              + "\n");
      Files.setPosixFilePermissions(profile, PosixFilePermissions.fromString("rw-r--r--"));
      Run run =
          launch(
              Map.of(),
              "\"Lefèvre\"\n"
                  + "Apimo.client().baseUrl() + \" \" + System.getProperty(\"user.home\")\n"
                  + "Apimo.agency(14).users().count()\n");
      assertThat(run.out()).isEqualTo("Lefèvre\n" + sandbox.baseUrl() + " " + home + "\n40\n");
      assertThat(run.stderr().lines())
          .singleElement()
          .asString()
          .contains("chmod 600 " + profile)
          .doesNotContain(sandbox.token());
    }
  }

  /** In this JVM: the refusal is the command line's, not the launcher's. */
  @Test
  void plainHttpElsewhereIsRefusedUnlessInsecure() {
    Map<String, String> env = Map.of("APIMO_TOKEN", "t0ken", "HOME", home.toString());
    String[] target = {"--base-url", "http://apimo.example", "--provider", "1", "-e", "1"};
    ShellProcess.Ran refused = ShellProcess.inProcess(env, "", target);
    assertThat(refused.exitValue()).isEqualTo(2);
    assertThat(refused.err().lines())
        .singleElement()
        .asString()
        .startsWith("apimo-shell: Refusing http://apimo.example")
        .contains("in clear", "--insecure")
        .doesNotContain("t0ken");
    assertThat(refused.out()).isEmpty();

    List<String> insecure = new ArrayList<>(List.of("--insecure"));
    insecure.addAll(List.of(target));
    ShellProcess.Ran allowed = ShellProcess.inProcess(env, "", insecure.toArray(String[]::new));
    assertThat(allowed.err()).isEmpty();
    assertThat(allowed.out()).isEqualTo("1\n");
  }

  @Test
  void aBuildEndingInColourResetsIsReadAsItsStatus() throws Exception {
    // Maven's last output line can be "ESC[0mESC[0m" with no newline, so the status line the
    // launcher appends arrives behind it; a successful build must not read as failed.
    String script =
        "APIMO_SHELL_CP=x; source scripts/_classpath.sh;"
            + " printf '[INFO] BUILD SUCCESS\\n\\033[0m\\033[0mapimo-build-status 0\\n'"
            + " | apimo_build_progress \"$1\"";
    Process p =
        new ProcessBuilder("bash", "-c", script, "bash", home.resolve("build.log").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  @Test
  void theBannerFitsEightyColumnsAndClaimsNoConnection() {
    ShellConfig real =
        ShellConfig.resolve(
            new ShellConfig.Options(null, "1234", "t", null, false), Map.of(), home);
    ShellConfig sandbox =
        ShellConfig.resolve(new ShellConfig.Options(null, null, null, null, true), Map.of(), home);
    for (ShellConfig config : List.of(real, sandbox)) {
      try (Connection connection = Connection.open(config)) {
        String banner = Main.banner(connection);
        assertThat(banner.lines())
            .as(banner)
            .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(banner).doesNotContain("connected").contains("target: ");
      }
    }
  }
}
