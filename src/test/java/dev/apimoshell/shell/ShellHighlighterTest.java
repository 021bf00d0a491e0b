package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class ShellHighlighterTest {

  private final JavaHighlighter highlighter = new JavaHighlighter();

  private static AttributedStyle styleAt(AttributedString s, String text, String token) {
    return s.styleAt(text.indexOf(token));
  }

  @Test
  void keywordsStringsNumbersAndComments() {
    String code = "for (int i = 42; i < 3; i++) { String s = \"if\"; } // while";
    AttributedString h = highlighter.highlight(code);
    assertThat(h.toString()).isEqualTo(code);
    assertThat(styleAt(h, code, "for")).isEqualTo(JavaHighlighter.KEYWORD);
    assertThat(styleAt(h, code, "int")).isEqualTo(JavaHighlighter.KEYWORD);
    assertThat(styleAt(h, code, "42")).isEqualTo(JavaHighlighter.NUMBER);
    assertThat(styleAt(h, code, "\"if\"")).isEqualTo(JavaHighlighter.STRING);
    assertThat(h.styleAt(code.indexOf("if\""))).isEqualTo(JavaHighlighter.STRING);
    assertThat(styleAt(h, code, "// while")).isEqualTo(JavaHighlighter.COMMENT);
    assertThat(h.styleAt(code.indexOf("while"))).isEqualTo(JavaHighlighter.COMMENT);
    assertThat(styleAt(h, code, "String")).isEqualTo(AttributedStyle.DEFAULT);
  }

  @Test
  void unterminatedInputAndMembersNamedLikeKeywords() {
    String code = "x.record + \"open /* y";
    AttributedString h = highlighter.highlight(code);
    assertThat(h.toString()).isEqualTo(code);
    assertThat(styleAt(h, code, "record")).isEqualTo(AttributedStyle.DEFAULT);
    assertThat(h.styleAt(code.length() - 1)).isEqualTo(JavaHighlighter.STRING);
    assertThat(highlighter.highlight("/* open").styleAt(6)).isEqualTo(JavaHighlighter.COMMENT);
  }
}
