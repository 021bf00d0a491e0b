package dev.apimoshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package table of ARCHITECTURE.md holds for the code: no cycle, nothing points up. */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final PackageGraph GRAPH = PackageGraph.of(SOURCES, "dev.apimoshell");
  private static final Pattern ROW = Pattern.compile("^\\| `(dev\\.apimoshell[\\w.]*)` \\|");

  static List<String> layers() throws IOException {
    return Files.readAllLines(Path.of("ARCHITECTURE.md")).stream()
        .map(ROW::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .toList();
  }

  @Test
  void everyPackageIsInTheTable() throws IOException {
    assertThat(layers()).containsExactlyInAnyOrderElementsOf(GRAPH.edges().keySet());
  }

  @Test
  void noPackageCycle() {
    assertThat(GRAPH.cycles()).isEmpty();
  }

  @Test
  void dependenciesPointDownTheTable() throws IOException {
    assertThat(GRAPH.upwardEdges(layers())).isEmpty();
  }

  /** The embedding API: {@code interactive(Terminal)} takes a JLine terminal. */
  private static final String SCRIPTING = "dev.apimoshell.scripting";

  @Test
  void onlyTheShellAndTheSandboxCommandLineUseTerminalAndShellLibraries() {
    GRAPH
        .foreignImports()
        .forEach(
            (pkg, imports) -> {
              if (!pkg.startsWith("dev.apimoshell.shell") && !pkg.equals(SCRIPTING)) {
                assertThat(imports)
                    .as("imports of %s", pkg)
                    .noneMatch(i -> i.startsWith("org.jline") || i.startsWith("jdk.jshell"));
              }
              if (!pkg.startsWith("dev.apimoshell.shell")
                  && !pkg.equals("dev.apimoshell.sandbox")) {
                assertThat(imports)
                    .as("imports of %s", pkg)
                    .noneMatch(i -> i.startsWith("picocli"));
              }
            });
  }

  @Test
  void aPlantedCycleAndAnUpwardDependencyAreFound(@TempDir Path dir) throws IOException {
    write(dir, "a", "A", "import x.b.B;\npublic class A { B b; }");
    write(dir, "b", "B", "public class B { x.a.A a; }");
    write(dir, "c", "C", "/* x.a.A is only mentioned */ public class C {}");
    PackageGraph planted = PackageGraph.of(dir, "x");

    assertThat(planted.cycles()).containsExactly(Set.of("x.a", "x.b"));
    assertThat(planted.upwardEdges(List.of("x.a", "x.b", "x.c"))).containsExactly("x.b -> x.a");
    assertThat(planted.edges().get("x.c")).isEmpty();
  }

  private static void write(Path root, String pkg, String name, String body) throws IOException {
    Path dir = Files.createDirectories(root.resolve("x").resolve(pkg));
    Files.writeString(dir.resolve(name + ".java"), "package x." + pkg + ";\n" + body + "\n");
  }
}
