package dev.apimoshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/apimo-sandbox --data DIR}, as a process on the test class path with the test JVMs'
 * flags ({@link ChildJvm}).
 */
class SandboxMainReplayTest {

  @TempDir Path tmp;

  private Process launch(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of("scripts", "apimo-sandbox").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("APIMO_SHELL_CP", System.getProperty("java.class.path"));
    builder.environment().put("APIMO_JAVA_OPTS", ChildJvm.options());
    return builder.start();
  }

  @Test
  void servesTheSnapshotAndPrintsTheUsualVariables() throws Exception {
    Path folder;
    try (Sandbox live = Sandbox.start()) {
      folder = SnapshotFixture.write(live, 14, tmp.resolve("agency-14"));
    }
    Process p = launch("--data", folder.toString());
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String url = out.readLine();
      String provider = out.readLine();
      String rateLimit = out.readLine();
      String token = out.readLine();
      assertThat(url).startsWith("APIMO_BASE_URL=http://127.0.0.1:");
      assertThat(provider).startsWith("APIMO_PROVIDER=");
      assertThat(rateLimit).isEqualTo("APIMO_RATE_LIMIT=0");
      assertThat(token).startsWith("APIMO_TOKEN=");
      String stderr =
          new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))
              .readLine();
      assertThat(stderr)
          .startsWith("apimo-sandbox: replaying " + folder + ": agency 14, taken ")
          .contains(" UTC from http://127.0.0.1:");
      HttpResponse<String> users =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(url.substring(url.indexOf('=') + 1) + "/agencies/14/users"))
                      .header(
                          "Authorization",
                          SandboxHttp.basic(
                              provider.substring(provider.indexOf('=') + 1),
                              token.substring(token.indexOf('=') + 1)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(users.statusCode()).isEqualTo(200);
      assertThat(users.body()).contains("\"total_items\":40");
    } finally {
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(p.exitValue()).isZero();
  }

  @Test
  void aDamagedFolderEndsItWithOneLine() throws Exception {
    Process p = launch("--data", tmp.toString());
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(err.strip())
        .isEqualTo("apimo-sandbox: No snapshot at " + tmp + ": it has no manifest.json");
  }
}
