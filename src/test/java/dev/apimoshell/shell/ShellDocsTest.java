package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second TAB's text: which source a JShell signature names, and javadoc as plain text. */
class ShellDocsTest {

  @TempDir Path dir;

  @Test
  void signaturesNameTheTypeTheMemberAndTheParameters() {
    assertThat(SourceDocs.Target.of("AgencyRef Apimo.agency(long id)"))
        .isEqualTo(new SourceDocs.Target("Apimo", "agency", List.of("id")));
    assertThat(
            SourceDocs.Target.of(
                "Map<String, Object> dev.apimoshell.api.Query<T>.<R>map(Function<? super T, R> f,"
                    + " int n)"))
        .isEqualTo(new SourceDocs.Target("dev.apimoshell.api.Query", "map", List.of("f", "n")));
    assertThat(SourceDocs.Target.of("NewLead(String name, String email)"))
        .isEqualTo(new SourceDocs.Target("NewLead", "<init>", List.of("name", "email")));
    assertThat(SourceDocs.Target.of("dev.apimoshell.Apimo"))
        .isEqualTo(new SourceDocs.Target("dev.apimoshell.Apimo", null, null));
    assertThat(SourceDocs.Target.of("ExportOptions.DEFAULT:dev.apimoshell.export.ExportOptions"))
        .isEqualTo(new SourceDocs.Target("ExportOptions", "DEFAULT", null));
  }

  @Test
  void readsTheJavadocOfTheMemberWithThoseParameterNames() throws Exception {
    Path pkg = Files.createDirectories(dir.resolve("p"));
    Files.writeString(
        pkg.resolve("Greeter.java"),
        """
        package p;
        /** Says hello. */
        public class Greeter {
          /** To everyone. */
          public String greet() { return ""; }
          /** To one person. */
          public String greet(String name) { return name; }
          /** The inner one. */
          public static class Inner {}
        }
        """);
    String old = System.setProperty(SourceDocs.PROPERTY, dir.toString());
    try {
      SourceDocs docs = SourceDocs.locate();
      assertThat(docs.javadoc("String Greeter.greet(String name)")).contains("To one person.");
      assertThat(docs.javadoc("String p.Greeter.greet()")).contains("To everyone.");
      assertThat(docs.javadoc("p.Greeter")).contains("Says hello.");
      assertThat(docs.javadoc("Greeter.Inner")).contains("The inner one.");
      assertThat(docs.javadoc("String String.strip()")).isNull();
    } finally {
      System.setProperty(SourceDocs.PROPERTY, old);
    }
  }

  @Test
  void javadocBecomesPlainWrappedText() {
    String text =
        JavadocText.render(
            " Exports a {@code query} to {@link java.nio.file.Path a file}; see {@link #where}.\n"
                + " <p>Formats: CSV &amp; JSON.\n"
                + " <pre>{@code\n"
                + " q.export(\"u.csv\");\n"
                + " }</pre>\n"
                + " @param file where it goes\n"
                + " @return a one-line summary\n"
                + " @throws ExportException when writing fails\n",
            100);
    assertThat(text)
        .isEqualTo(
            "Exports a query to a file; see where.\n\n"
                + "Formats: CSV & JSON.\n\n"
                + "   q.export(\"u.csv\");\n"
                + "Parameters:\n"
                + "  file - where it goes\n"
                + "Returns: a one-line summary\n"
                + "Throws: ExportException - when writing fails");
    assertThat(JavadocText.render("word ".repeat(30), 40).lines()).allMatch(l -> l.length() < 40);
  }
}
