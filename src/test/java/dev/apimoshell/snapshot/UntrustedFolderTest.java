package dev.apimoshell.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot folder made by someone else: links out of it, FIFOs, a missing list, damaged lines and
 * manifest values out of range are refused in one line naming the file, never followed, never
 * waited on, never read as "everything removed".
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS) // a FIFO opened for reading would block forever
class UntrustedFolderTest {
  private static final String[] USERS = {"{\"id\":1,\"name\":\"a\"}", "{\"id\":2,\"name\":\"b\"}"};

  @TempDir Path dir;

  @Test
  void aListThatIsALinkOutOfTheFolderIsRefusedNamingIt() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.ndjson"), "{\"id\":7,\"pin\":\"1234\"}\n");
    Path folder = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("a"));
    Files.delete(folder.resolve("users.ndjson"));
    Files.createSymbolicLink(folder.resolve("users.ndjson"), secret);

    assertOneLineRefusal(folder, "users.ndjson in " + folder + " is a symbolic link");
  }

  @Test
  void aLinkedCatalogFolderIsRefused() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("index.json"), "[]");
    Path folder = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("a"));
    Files.createSymbolicLink(folder.resolve("catalogs"), elsewhere);

    assertOneLineRefusal(folder, "catalogs in " + folder + " is a symbolic link");
  }

  @Test
  void aLinkedCatalogFileIsNotFollowed() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.json"), "{\"key\":\"x\"}");
    Path folder = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("a"));
    Files.createDirectories(folder.resolve("catalogs"));
    Files.createSymbolicLink(folder.resolve("catalogs").resolve("index.json"), secret);

    SnapshotFolder opened = SnapshotFolder.open(folder);
    assertThatThrownBy(opened::catalogIndex)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("catalogs/index.json in " + folder + " is a symbolic link");
  }

  @Test
  void aSymlinkLoopIsALinkNotAMissingFile() throws Exception {
    Path folder = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("a"));
    Files.delete(folder.resolve("users.ndjson"));
    Files.createSymbolicLink(folder.resolve("users.ndjson"), folder.resolve("users.ndjson"));

    assertOneLineRefusal(folder, "users.ndjson in " + folder + " is a symbolic link");
  }

  @Test
  void aFifoInPlaceOfTheManifestOrAListIsRefusedWithoutWaiting() throws Exception {
    Path manifest = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("a"));
    Files.delete(manifest.resolve("manifest.json"));
    mkfifo(manifest.resolve("manifest.json"));
    assertOneLineRefusal(manifest, "manifest.json in " + manifest + " is a FIFO, device or socket");

    Path list = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("b"));
    Files.delete(list.resolve("users.ndjson"));
    mkfifo(list.resolve("users.ndjson"));
    assertOneLineRefusal(list, "users.ndjson in " + list + " is a FIFO, device or socket");
    Path good = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("good"));
    assertThatThrownBy(() -> Snapshot.diff(good, list)).hasMessageContaining("is a FIFO");
  }

  @Test
  void aMissingListOnOneSideIsAnErrorNotEveryRecordRemoved() throws Exception {
    Path before = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("before"));
    Path after = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("after"));
    Files.delete(after.resolve("users.ndjson"));

    assertThatThrownBy(() -> Snapshot.diff(before, after))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read the snapshot at " + after + ": users.ndjson is missing from " + after);
    Files.delete(before.resolve("users.ndjson"));
    assertThatThrownBy(() -> Snapshot.diff(before, good()))
        .hasMessageContaining("users.ndjson is missing");
  }

  @Test
  void aLineWithSomethingAfterItsObjectIsDamaged() throws Exception {
    for (String bad :
        new String[] {"{\"id\":2,\"name\":\"b\"} xyz", "{\"id\":2}{\"id\":3}", "[{\"id\":2}]"}) {
      Path folder = dir.resolve("f" + bad.hashCode());
      SnapshotFixture.of(14).with(Resource.USERS, USERS[0], bad).write(folder);
      Path good = good();

      assertThatThrownBy(() -> Snapshot.diff(good, folder))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("line 2 of users.ndjson in " + folder + " is damaged")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      assertThatThrownBy(() -> Snapshot.diff(folder, good))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("line 2 of " + folder.resolve("users.ndjson") + " is damaged");
    }
  }

  @Test
  void aRecordWithAFieldTwiceIsDamagedNamingTheField() throws Exception {
    Path folder =
        SnapshotFixture.of(14)
            .with(Resource.USERS, "{\"id\":1,\"name\":\"a\",\"id\":99}")
            .write(dir.resolve("dup"));

    assertThatThrownBy(() -> Snapshot.diff(good(), folder))
        .hasMessageContaining("line 1 of users.ndjson")
        .hasMessageContaining("Duplicate field 'id'");
  }

  @Test
  void anAgencyIdBeyondTheIntRangeIsRefusedInOneLine() throws Exception {
    Path folder = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("a"));
    edit(folder, "\"agency\" : 14", "\"agency\" : 99999999999");

    assertOneLineRefusal(folder, "manifest.json has an invalid agency: 99999999999");
  }

  @Test
  void escapeSequencesInTheManifestAreRefusedAndShownVisible() throws Exception {
    Path folder = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("a"));
    edit(folder, "\"http://127.0.0.1:1/\"", "\"http://x\\u001b]0;pwned\\u0007\"");
    assertOneLineRefusal(folder, "control characters in base_url (http://x^[]0;pwned^G)");

    Path provider = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("b"));
    edit(provider, "\"1234\"", "\"12\\u001b]52;c;aGk=\\u0007\"");
    assertOneLineRefusal(provider, "control characters in provider");
  }

  @Test
  void aFileNameOrCultureThatLeavesTheFolderIsRefused() throws Exception {
    Path file = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("a"));
    edit(file, "\"file\" : \"users.ndjson\"", "\"file\" : \"../secret.ndjson\"");
    assertOneLineRefusal(file, "manifest.json has an invalid resources.users.file");

    Path culture = SnapshotFixture.of(14).with(Resource.USERS, USERS).write(dir.resolve("b"));
    edit(culture, "\"fr\"", "\"../../etc\"");
    assertOneLineRefusal(culture, "manifest.json has an invalid cultures: ../../etc");
  }

  @Test
  void theSafeFolderRuleRefusesNamesOutsideTheFolder() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("a"));
    Files.writeString(dir.resolve("outside.json"), "{}");

    assertThatThrownBy(() -> FolderFiles.find(folder, "../outside.json"))
        .isInstanceOf(FolderFiles.UnsafeFileException.class)
        .hasMessageContaining("is not a file name inside the folder");
    assertThatThrownBy(() -> FolderFiles.find(folder, dir.resolve("outside.json").toString()))
        .isInstanceOf(FolderFiles.UnsafeFileException.class);
    assertThat(FolderFiles.find(folder, "nothing.json")).isEmpty();
  }

  private Path good() throws IOException {
    Path good = dir.resolve("good-" + System.nanoTime());
    return SnapshotFixture.of(14).with(Resource.USERS, USERS).write(good);
  }

  private static void assertOneLineRefusal(Path folder, String message) {
    assertThatThrownBy(() -> SnapshotFolder.open(folder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\u001b", "\u0007"));
  }

  private static void edit(Path folder, String from, String to) throws IOException {
    Path manifest = folder.resolve("manifest.json");
    String text = Files.readString(manifest);
    assertThat(text).contains(from);
    Files.writeString(manifest, text.replace(from, to));
  }

  static void mkfifo(Path path) throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
  }
}
