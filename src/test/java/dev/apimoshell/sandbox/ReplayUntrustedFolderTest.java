package dev.apimoshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.snapshot.Resource;
import dev.apimoshell.snapshot.SnapshotFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code apimo-sandbox --data} (and the shell's {@code --snapshot}, which starts the same sandbox)
 * on a folder someone else made: what it serves to anyone with the published sandbox token must
 * come from the folder's own regular files.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ReplayUntrustedFolderTest {
  @TempDir Path dir;

  @Test
  void aLinkedListIsNeverServed() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "{\"id\":7,\"login\":\"root\"}\n");
    Path folder = folder("a");
    Files.delete(folder.resolve("users.ndjson"));
    Files.createSymbolicLink(folder.resolve("users.ndjson"), secret);

    assertRefused(folder, "users.ndjson in " + folder + " is a symbolic link");
  }

  @Test
  void aLinkedCatalogIsNeverServed() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.json"), "[{\"id\":1,\"name\":\"x\"}]");
    Path folder = folder("a");
    Files.createDirectories(folder.resolve("catalogs"));
    Files.createSymbolicLink(folder.resolve("catalogs").resolve("user_group.fr.json"), secret);

    assertRefused(folder, "catalogs/user_group.fr.json in " + folder + " is a symbolic link");
  }

  @Test
  void aFifoAgencyFileIsRefusedWithoutWaiting() throws Exception {
    Path folder = folder("a");
    Files.delete(folder.resolve("agency.json"));
    mkfifo(folder.resolve("agency.json"));

    assertRefused(folder, "agency.json in " + folder + " is a FIFO, device or socket");
  }

  @Test
  void aLineWithTrailingDataIsRefusedNotServed() throws Exception {
    Path folder = fixture().with(Resource.LEADS, "{\"id\":1} xyz").write(dir.resolve("a"));

    assertRefused(folder, "record 1 of leads.ndjson is damaged");
  }

  @Test
  void theLauncherSaysWhichFileAndWhyInOneLineAndExits2() throws Exception {
    Path folder = folder("a");
    Files.delete(folder.resolve("manifest.json"));
    mkfifo(folder.resolve("manifest.json"));
    var err = new ByteArrayOutputStream();
    PrintStream was = System.err;
    int status;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      status = new CommandLine(new SandboxMain()).execute("--data", folder.toString());
    } finally {
      System.setErr(was);
    }

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "apimo-sandbox: Cannot read the snapshot at "
                + folder
                + ": manifest.json in "
                + folder
                + " is a FIFO, device or socket, not a regular file; a snapshot folder holds only"
                + " regular files"
                + System.lineSeparator());
  }

  @Test
  void anAgencyIdBeyondIntIsRefusedNotAnOverflow() throws Exception {
    Path folder = fixture().write(dir.resolve("a"), 99_999_999_999L);

    assertRefused(folder, "manifest.json has an invalid agency: 99999999999");
  }

  private Path folder(String name) throws IOException {
    return fixture().write(dir.resolve(name));
  }

  private static Full fixture() {
    return new Full();
  }

  /** A folder with every list, as a replay needs. */
  private static final class Full {
    private final SnapshotFixture fixture = SnapshotFixture.of(14);

    Full() {
      fixture.agency("{\"id\":14,\"name\":\"Agence\"}");
      for (Resource resource : Resource.values()) {
        fixture.with(resource, "{\"id\":1,\"user\":1}");
      }
    }

    Full with(Resource resource, String... lines) {
      fixture.with(resource, lines);
      return this;
    }

    Path write(Path folder) throws IOException {
      return fixture.write(folder);
    }

    Path write(Path folder, long agency) throws IOException {
      fixture.write(folder);
      Path manifest = folder.resolve("manifest.json");
      Files.writeString(
          manifest,
          Files.readString(manifest).replace("\"agency\" : 14", "\"agency\" : " + agency));
      return folder;
    }
  }

  private static void assertRefused(Path folder, String message) {
    assertThatThrownBy(() -> Sandbox.start(SandboxOptions.snapshot(folder)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private static void mkfifo(Path path) throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
  }
}
