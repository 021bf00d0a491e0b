package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The one command table: names, prefixes, the script allow-list and docs/commands.md. */
class CommandTableTest {

  private static final Path DOC = Path.of("docs", "commands.md");

  /**
   * docs/commands.md is {@link Commands#markdown()}: add a command to the table, then run this test
   * with {@code -Dapimo.writeDocs=true} to rewrite the file.
   */
  @Test
  void docsCommandListIsTheTable() throws IOException {
    if (Boolean.getBoolean("apimo.writeDocs")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, Commands.markdown(), StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/commands.md differs from Commands.markdown(): rerun with -Dapimo.writeDocs=true")
        .isEqualTo(Commands.markdown());
    for (String name : Commands.names()) {
      assertThat(Commands.markdown()).contains("`" + name);
    }
    assertThat(Commands.markdown()).contains("`/snapshot ID DIR`", "`/diff DIR DIR`");
  }

  @Test
  void aUniquePrefixNamesItsCommandAndAnAmbiguousOneNone() {
    assertThat(Commands.lookup("/he")).map(Commands.Command::name).contains("/help");
    assertThat(Commands.lookup("/sn")).map(Commands.Command::name).contains("/snapshot");
    assertThat(Commands.lookup("/s")).isEmpty(); // /save /set /snapshot /stack
    assertThat(Commands.lookup("/nope")).isEmpty();
    assertThat(Commands.lookup("/set")).map(Commands.Command::name).contains("/set");
  }

  @Test
  void namesAreUniqueAndPromptOnlyCommandsAreMarked() {
    assertThat(Commands.names()).doesNotHaveDuplicates().allMatch(n -> n.startsWith("/"));
    assertThat(Commands.scriptNames())
        .contains("/export", "/snapshot", "/diff", "/open")
        .doesNotContain("/reset", "/edit", "/history");
  }
}
