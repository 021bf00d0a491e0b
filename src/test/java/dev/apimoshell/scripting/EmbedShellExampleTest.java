package dev.apimoshell.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.DefaultClientReset;
import java.io.File;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/embed-shell/EmbedShell.java, compiled against the shell's classes and run in this JVM as
 * a host program: every check it makes holds.
 */
@ExtendWith(DefaultClientReset.class)
class EmbedShellExampleTest {

  @TempDir Path classes;

  @Test
  @SuppressWarnings("unchecked")
  void theExampleHostEmbedsTwoSessionsAndItsChecksHold() throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of(
                    "-d",
                    classes.toString(),
                    "-cp",
                    Path.of("target", "classes")
                        + File.pathSeparator
                        + System.getProperty("java.class.path")),
                null,
                javac
                    .getStandardFileManager(null, null, null)
                    .getJavaFileObjects(Path.of("examples", "embed-shell", "EmbedShell.java")))
            .call();
    assertThat(compiled).as(diagnostics.toString()).isTrue();

    try (URLClassLoader host =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      List<String> held =
          (List<String>) host.loadClass("EmbedShell").getMethod("demo").invoke(null);
      assertThat(held)
          .hasSize(6)
          .anyMatch(l -> l.startsWith("eval: List<User> of "))
          .contains(
              "run: status 3, printed hello host",
              "System.exit(4) refused; the JVM goes on",
              "each session printed on its own stream only",
              "the host's default client and System.out are untouched")
          .anyMatch(l -> l.startsWith("JSR-223: agency.users().count() = "));
    }
  }
}
