package dev.apimoshell.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.DefaultClientReset;
import dev.apimoshell.internal.snapshot.Manifest;
import dev.apimoshell.internal.snapshot.SnapshotFolder;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.testing.SandboxClients;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot of the embedded sandbox refreshes after the sandbox restarts on another port; another
 * server is an explicit choice; the manifest keeps its capture time and adds the refresh time. Of
 * agency 58, a tenth of agency 14's records: the volume is not the point.
 */
@ExtendWith(DefaultClientReset.class)
class SnapshotRestartTest {
  @TempDir Path dir;

  private static ApimoClient client(Sandbox sandbox) {
    return SandboxClients.unthrottled(sandbox);
  }

  @Test
  void aSandboxSnapshotRefreshesAfterARestart() throws Exception {
    Path folder = dir.resolve("agency-58");
    Instant captured;
    String firstUrl;
    try (Sandbox first = Sandbox.start()) {
      firstUrl = first.baseUrl();
      client(first).snapshot(58, folder.toString());
      Manifest manifest = Manifest.read(folder);
      assertThat(manifest.baseUrl()).isEqualTo(ServerIdentity.SANDBOX);
      assertThat(manifest.refreshedAt()).isNull();
      captured = manifest.createdAt();
    }
    try (Sandbox second = Sandbox.start()) {
      assertThat(second.baseUrl()).isNotEqualTo(firstUrl);
      SnapshotSummary summary = client(second).refresh(folder.toString());

      assertThat(summary.toString()).contains("agency-58");
      Manifest manifest = Manifest.read(folder);
      assertThat(manifest.createdAt()).isEqualTo(captured);
      assertThat(manifest.refreshedAt()).isNotNull().isAfterOrEqualTo(captured);
      assertThat(SnapshotDiff.describe(SnapshotFolder.open(folder)))
          .matches(".*\\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ\\)");
    }
  }

  @Test
  void anotherServerIsAnExplicitChoiceSaidInOneLine() throws Exception {
    Path folder = dir.resolve("prod-58");
    try (Sandbox sandbox = Sandbox.start()) {
      ApimoClient client = client(sandbox);
      client.snapshot(58, folder.toString());
      Manifest m = Manifest.read(folder);
      new Manifest(
              m.format(),
              m.tool(),
              m.createdAt(),
              "https://api.apimo.pro",
              m.provider(),
              m.agency(),
              m.cultures(),
              m.requests(),
              true,
              m.resources())
          .write(folder);

      assertThatThrownBy(() -> client.refresh(folder.toString()))
          .isInstanceOf(SnapshotException.class)
          .hasMessageContaining("captured from https://api.apimo.pro")
          .hasMessageContaining("this client talks to sandbox")
          .hasMessageContaining("Snapshot.refreshFromAnotherServer(");

      Snapshot.refreshFromAnotherServer(client.agency(58), folder);
      assertThat(Manifest.read(folder).baseUrl()).isEqualTo("https://api.apimo.pro");
      assertThat(Manifest.read(folder).refreshedAt()).isNotNull();
    }
  }

  @Test
  void olderManifestsNamingALoopbackPortAreTheSandboxToo() {
    assertThat(ServerIdentity.same("http://127.0.0.1:41569", "http://127.0.0.1:42807")).isTrue();
    assertThat(ServerIdentity.same("https://api.apimo.pro/", "https://api.apimo.pro")).isTrue();
    assertThat(ServerIdentity.same("https://api.apimo.pro", "http://127.0.0.1:42807")).isFalse();
  }
}
