package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.DefaultClientReset;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.sandbox.SnapshotFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code apimo-shell --snapshot DIR}: a capture replayed offline, without credentials. */
@ExtendWith(DefaultClientReset.class)
class ShellSnapshotTest {

  @TempDir static Path tmp;
  private static Path folder;

  @BeforeAll
  static void capture() throws Exception {
    try (Sandbox live = Sandbox.start()) {
      folder = SnapshotFixture.write(live, 14, tmp.resolve("agency-14"), "property_type");
    }
  }

  @Test
  void theBannerAndWhoamiSayWhichSnapshotTakenWhenFromWhere() {
    ShellConfig config = ShellConfig.resolve(ShellConfig.Options.none(), Map.of(), tmp);
    try (Connection connection = Connection.open(config, folder)) {
      String banner = Main.banner(connection);
      assertThat(banner)
          .contains("target: snapshot " + folder + " at http://127.0.0.1:")
          .contains("replayed offline, no credentials needed: agency 14,")
          .containsPattern(
              "taken \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC from http://127\\.0\\.0\\.1:")
          .doesNotContain("generated data");
      assertThat(banner.lines().skip(1))
          .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
      assertThat(connection.describe())
          .startsWith("snapshot " + folder + " (agency 14, taken ")
          .contains("replayed at http://127.0.0.1:")
          .doesNotContain("sandbox-token");
      assertThat(connection.isSandbox()).isTrue();
    }
  }

  @Test
  void aScriptQueriesTheSnapshotWithoutCredentials() throws Exception {
    ShellProcess.Ran p =
        ShellProcess.inProcess(
            "",
            "--snapshot",
            folder.toString(),
            "-e",
            "Apimo.agency(14).users().count()",
            "-e",
            "Apimo.catalog(\"property_type\").label(1)");
    String out = p.out();
    assertThat(p.exitValue()).as(p.err()).isZero();
    assertThat(out).contains("40").contains("Apartment");
  }

  @Test
  void aFolderThatIsNoSnapshotIsRefusedInOneLine() throws Exception {
    ShellProcess.Ran p =
        ShellProcess.inProcess("", "--snapshot", tmp.resolve("nope").toString(), "-e", "1");
    String err = p.err();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(err.strip().lines())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("apimo-shell: No snapshot at "));
  }
}
