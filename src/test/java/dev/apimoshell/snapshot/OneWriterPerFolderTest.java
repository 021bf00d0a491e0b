package dev.apimoshell.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.internal.snapshot.Manifest;
import dev.apimoshell.internal.snapshot.Resource;
import dev.apimoshell.internal.snapshot.SnapshotFolder;
import dev.apimoshell.model.RawRecord;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.testing.ChildJvm;
import dev.apimoshell.testing.SandboxClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two captures (or a capture and a refresh) of one folder at once: the second refuses in one line,
 * and the folder holds each record once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OneWriterPerFolderTest {
  @TempDir Path dir;
  private Sandbox sandbox;
  private ApimoClient client;

  @BeforeEach
  void start() {
    sandbox = Sandbox.start();
    client = SandboxClients.unthrottled(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void aSecondCaptureWhileOneRunsRefusesAndTheFolderHasNoDuplicates() throws Exception {
    Path target = dir.resolve("agency-14");
    CountDownLatch firstIsWriting = new CountDownLatch(1);
    CountDownLatch secondTried = new CountDownLatch(1);
    // The first capture stops at its first line of output (inside its lock) until the second tried.
    OutputStream pausing =
        new OutputStream() {
          @Override
          public void write(int b) {
            firstIsWriting.countDown();
            try {
              secondTried.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    CompletableFuture<SnapshotSummary> first =
        CompletableFuture.supplyAsync(() -> capture(target, new PrintStream(pausing, true)));
    assertThat(firstIsWriting.await(60, TimeUnit.SECONDS)).isTrue();

    try {
      assertThatThrownBy(() -> capture(target, quiet()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Cannot capture into "
                  + target
                  + ": another capture or refresh is writing it; wait for it to finish, then run"
                  + " this again");
    } finally {
      secondTried.countDown();
    }

    SnapshotSummary summary = first.get(60, TimeUnit.SECONDS);
    Manifest manifest = Manifest.read(target);
    for (Resource resource : Resource.values()) {
      List<byte[]> lines;
      try (var stream = WorkFolder.lineBytes(target.resolve(resource.fileName()))) {
        lines = stream.toList();
      }
      Set<Long> ids = new HashSet<>();
      lines.forEach(line -> ids.add(RawRecord.of(line).id()));
      assertThat(ids).as(resource.listKey()).hasSize(lines.size());
      assertThat(lines).hasSize((int) manifest.entry(resource).count());
      assertThat(summary.count(resource.listKey())).isEqualTo(lines.size());
    }
    // A refresh while a capture holds the folder refuses too.
    try (FolderLock held = FolderLock.take(target, "capture into")) {
      assertThatThrownBy(
              () -> new Refresh(client.agency(14), SnapshotFolder.open(target), 0, quiet()).run())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Cannot refresh " + target + ": another capture or refresh");
    }
    // A refresh never merges a damaged line of the snapshot into the next one.
    Path properties = target.resolve("properties.ndjson");
    List<String> lines = Files.readAllLines(properties);
    lines.set(0, lines.get(0) + " {\"id\":1}");
    Files.write(properties, lines);
    assertThatThrownBy(
            () -> new Refresh(client.agency(14), SnapshotFolder.open(target), 0, quiet()).run())
        .isInstanceOf(SnapshotException.class)
        .hasMessageContaining("record 1 of properties.ndjson in " + target + " is damaged");
    assertThat(Files.readAllLines(properties)).isEqualTo(lines);
  }

  @Test
  void aLockHeldByAnotherProcessIsRefusedToo() throws Exception {
    Path target = dir.resolve("agency-14");
    Process holder =
        new ProcessBuilder(
                ChildJvm.command(
                    HoldLock.class.getName(), WorkFolder.beside(target, "lock").toString()))
            .redirectErrorStream(true)
            .start();
    try (var out =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("locked");

      assertThatThrownBy(() -> capture(target, quiet()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("another capture or refresh is writing it");
      assertThat(target).doesNotExist();
    } finally {
      holder.getOutputStream().close();
      holder.waitFor(20, TimeUnit.SECONDS);
      holder.destroy();
    }
  }

  /**
   * Another process: takes the lock file in {@code args[0]}, says "locked", holds it until stdin
   * ends.
   */
  static final class HoldLock {
    public static void main(String[] args) throws Exception {
      try (FileChannel channel =
              FileChannel.open(
                  Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        System.out.println("locked");
        System.out.flush();
        System.in.read();
      }
    }
  }

  private SnapshotSummary capture(Path target, PrintStream out) {
    return new Capture(client.agency(14), target, 0, out).run();
  }

  private static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
  }
}
