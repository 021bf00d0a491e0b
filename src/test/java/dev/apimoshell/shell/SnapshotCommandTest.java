package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.DefaultClientReset;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code /snapshot ID DIR} and {@code /snapshot refresh DIR} in a script, against the sandbox. */
@ExtendWith(DefaultClientReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotCommandTest {
  private Sandbox sandbox;
  private ScriptSession scripts;

  @TempDir Path dir;

  @BeforeAll
  void start() {
    sandbox = Sandbox.start();
    ApimoClient.connect(
            ApimoConfig.of(sandbox.baseUrl(), sandbox.provider(), sandbox.token())
                .withRequestsPerSecond(0))
        .makeDefault();
    scripts = new ScriptSession();
  }

  @AfterAll
  void stop() {
    scripts.close();
    sandbox.close();
  }

  private int run(String script) {
    return scripts.run(script, Feedback.Mode.VALUES, "test.jsh");
  }

  @Test
  void capturesThenRefreshesSayingWhatItCosts() throws Exception {
    // agency 58, a tenth of agency 14: the command's words do not depend on the volume
    Path target = dir.resolve("agency 58");

    assertThat(run("/snapshot 58 \"" + target + "\"\n/snapshot refresh \"" + target + "\"\n"))
        .as(scripts.err())
        .isZero();

    String out = scripts.out();
    assertThat(out.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(78));
    assertThat(out.replace("\n  ", " "))
        .contains(
            "Capture of agency 58 into " + target + ": 7 requests to count, then about ",
            target + ": agency 58 captured, ",
            "Refresh of " + target + " (agency 58, ",
            target + ": agency 58 refreshed, ",
            "read again in full (Apimo takes no timestamp there): users, actions, requests");
    assertThat(target.resolve("manifest.json")).exists();
    assertThat(Files.readString(target.resolve("manifest.json"))).doesNotContain(sandbox.token());
  }

  @Test
  void aWrongLineSaysHowToUseIt() {
    assertThat(run("/snapshot agency-14\n")).isEqualTo(1);
    assertThat(scripts.err())
        .isEqualTo(
            "test.jsh:1: usage: /snapshot AGENCY DIR or /snapshot refresh DIR   e.g. /snapshot 14"
                + " agency-14\n");
  }

  @Test
  void aFolderWithoutSnapshotIsOneLine() {
    assertThat(run("/snapshot refresh " + dir.resolve("nothing") + "\n")).isEqualTo(1);
    assertThat(scripts.err().strip().lines()).hasSize(1);
    assertThat(scripts.err())
        .contains("No snapshot at " + dir.resolve("nothing") + ": no such folder");
  }
}
