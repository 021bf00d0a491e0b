package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShellSplitterTest {

  private static JShell jshell;
  private static SnippetSplitter splitter;

  @BeforeAll
  static void start() {
    jshell = JShell.builder().executionEngine("local").build();
    splitter = new SnippetSplitter(jshell.sourceCodeAnalysis());
  }

  @AfterAll
  static void stop() {
    jshell.close();
  }

  @Test
  void linesAreSnippetsAsSoonAsTheyAreComplete() {
    List<SnippetSplitter.Piece> pieces =
        splitter.split("int x = 5\n\n// note\nint y = x +\n  2; String s = \"a;b\";\n/vars\nx");
    assertThat(pieces)
        .extracting(p -> p.source().strip())
        .containsExactly("int x = 5;", "int y = x +\n  2;", "String s = \"a;b\";", "/vars", "x");
    assertThat(pieces).extracting(SnippetSplitter.Piece::line).containsExactly(1, 4, 5, 6, 7);
    assertThat(pieces)
        .extracting(SnippetSplitter.Piece::command)
        .containsExactly(false, false, false, true, false);
  }

  @Test
  void aLeadingDotContinuesTheChain() {
    List<SnippetSplitter.Piece> pieces = splitter.split("var n = List.of(1, 2)\n    .size()\nn");
    assertThat(pieces).hasSize(2);
    assertThat(pieces.get(0).source()).contains(".size()");
  }

  @Test
  void incompleteInputIsDetected() {
    assertThat(splitter.isIncomplete("int x = 1 +")).isTrue();
    assertThat(splitter.isIncomplete("for (int i = 0; i < 3; i++) {")).isTrue();
    assertThat(splitter.isIncomplete("int a = 1; int b =")).isTrue();
    assertThat(splitter.isIncomplete("int a = 1")).isFalse();
    assertThat(splitter.isIncomplete("\"}\"")).isFalse();
  }
}
