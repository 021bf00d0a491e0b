package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * The prompt offers what a user calls and no plumbing: the public types startup.jsh's star imports
 * bring in, and what TAB completes after {@code Pa}.
 */
class PromptSurfaceTest {
  private static final Set<String> PLUMBING =
      Set.of(
          "PageFetcher",
          "Session",
          "KnownTokens",
          "UserDirs",
          "CatalogCache",
          "Catalogs",
          "Endpoint",
          "Labels",
          "LabelSource",
          "Json",
          "SentJson",
          "Columns",
          "Flattener",
          "Table",
          "Text",
          "ControlChars",
          "Exporter",
          "ApimoHttp",
          "Sizes",
          "EnvSettings",
          "WorkFolder",
          "FolderLock",
          "RecordIndex",
          "Pager",
          "QuerySpec",
          "OrderedWindow",
          "SeenIds");

  private static List<String> starImports() throws IOException {
    return Files.readAllLines(Path.of("startup.jsh")).stream()
        .map(String::strip)
        .filter(line -> line.startsWith("import ") && line.endsWith(".*;"))
        .map(line -> line.substring("import ".length(), line.length() - ".*;".length()))
        .filter(pkg -> pkg.startsWith("dev.apimoshell"))
        .toList();
  }

  private static Set<String> publicTypesOf(String pkg) throws Exception {
    Path folder = Path.of("target/classes").resolve(pkg.replace('.', '/'));
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$") || name.equals("package-info.class")) {
          continue;
        }
        Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - 6));
        if (Modifier.isPublic(type.getModifiers())) {
          names.add(type.getSimpleName());
        }
      }
    }
    return names;
  }

  @Test
  void starImportsBringNoPlumbing() throws Exception {
    List<String> packages = starImports();
    assertThat(packages).contains("dev.apimoshell", "dev.apimoshell.api", "dev.apimoshell.model");
    assertThat(packages).noneMatch(p -> p.contains(".internal"));
    Set<String> offered = new TreeSet<>();
    for (String pkg : packages) {
      offered.addAll(publicTypesOf(pkg));
    }
    assertThat(offered).contains("Apimo", "ApimoClient", "Query", "Page", "User", "ExportOptions");
    Set<String> plumbing = new TreeSet<>(offered);
    plumbing.retainAll(PLUMBING);
    assertThat(plumbing).as("plumbing offered at the prompt").isEmpty();
  }

  @Test
  void tabAfterPaOffersPageAndNoPlumbing() throws Exception {
    try (JShell shell =
        JShell.builder()
            .executionEngine("local")
            .compilerOptions("--class-path", System.getProperty("java.class.path"))
            .build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      for (String pkg : starImports()) {
        shell.eval("import " + pkg + ".*;");
      }
      assertThat(completions(shell, "Pa")).contains("Page").doesNotContainAnyElementsOf(PLUMBING);
      assertThat(completions(shell, "La")).doesNotContainAnyElementsOf(PLUMBING);
      assertThat(completions(shell, "Se")).doesNotContainAnyElementsOf(PLUMBING);
    }
  }

  private static List<String> completions(JShell shell, String typed) {
    int[] anchor = new int[1];
    List<String> offered = new ArrayList<>();
    for (SourceCodeAnalysis.Suggestion s :
        shell.sourceCodeAnalysis().completionSuggestions(typed, typed.length(), anchor)) {
      offered.add(s.continuation());
    }
    return offered;
  }
}
