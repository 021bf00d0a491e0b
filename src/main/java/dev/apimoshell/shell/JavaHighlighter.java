package dev.apimoshell.shell;

import java.util.Set;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours keywords, strings, numbers and comments while typing. A small lexer, because JShell's
 * {@code SourceCodeAnalysis.highlights()} needs JDK 19 and we run on 17. It never fails on odd
 * input: unterminated strings and comments run to the end.
 */
final class JavaHighlighter implements Highlighter {

  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "var",
          "record",
          "yield",
          "sealed",
          "permits",
          "true",
          "false",
          "null");

  static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle COMMENT =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);
  static final AttributedStyle COMMAND = AttributedStyle.BOLD;

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    return highlight(buffer);
  }

  AttributedString highlight(String s) {
    AttributedStringBuilder b = new AttributedStringBuilder(s.length() + 16);
    if (SnippetParser.isCommand(s)) {
      return b.styled(COMMAND, s).toAttributedString();
    }
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int end;
      AttributedStyle style;
      if (c == '/' && s.startsWith("//", i)) {
        end = indexOrEnd(s, "\n", i);
        style = COMMENT;
      } else if (c == '/' && s.startsWith("/*", i)) {
        end = indexOrEnd(s, "*/", i + 2) + 2;
        style = COMMENT;
      } else if (c == '"' && s.startsWith("\"\"\"", i)) {
        end = indexOrEnd(s, "\"\"\"", i + 3) + 3;
        style = STRING;
      } else if (c == '"' || c == '\'') {
        end = quoted(s, i, c);
        style = STRING;
      } else if (Character.isDigit(c)) {
        end = i;
        while (end < s.length()
            && (Character.isLetterOrDigit(s.charAt(end))
                || s.charAt(end) == '_'
                || (s.charAt(end) == '.'
                    && end + 1 < s.length()
                    && Character.isDigit(s.charAt(end + 1))))) {
          end++;
        }
        style = NUMBER;
      } else if (Character.isJavaIdentifierStart(c)) {
        end = i;
        while (end < s.length() && Character.isJavaIdentifierPart(s.charAt(end))) {
          end++;
        }
        boolean member = i > 0 && s.charAt(i - 1) == '.';
        style =
            !member && KEYWORDS.contains(s.substring(i, end)) ? KEYWORD : AttributedStyle.DEFAULT;
      } else {
        end = i + 1;
        style = AttributedStyle.DEFAULT;
      }
      end = Math.min(end, s.length());
      b.styled(style, s.substring(i, end));
      i = end;
    }
    return b.toAttributedString();
  }

  private static int indexOrEnd(String s, String token, int from) {
    int at = s.indexOf(token, from);
    return at < 0 ? s.length() : at;
  }

  private static int quoted(String s, int start, char quote) {
    int i = start + 1;
    while (i < s.length() && s.charAt(i) != quote && s.charAt(i) != '\n') {
      i += s.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, s.length());
  }

  @Override
  public void setErrorPattern(Pattern errorPattern) {}

  @Override
  public void setErrorIndex(int errorIndex) {}
}
