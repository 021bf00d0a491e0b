package dev.apimoshell.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps {@code System.exit} in a snippet from ending the shell's JVM, and with it every variable.
 *
 * <p>Snippets run in the shell's own JVM (the local engine), so the engine rewrites {@code
 * System.exit(n)}, {@code Runtime.getRuntime().exit(n)} and {@code .halt(n)} in each snippet's
 * source (and {@code System::exit}) into {@link #exit(int)}, which throws {@link Request} instead.
 * The prompt then says the call was ignored, {@code /open} stops the file, and a script ends with
 * status {@code n}. A library that calls {@code System.exit} itself is not rewritten and still ends
 * the shell.
 *
 * <pre>{@code ExitGuard.rewrite("if (bad) System.exit(3);").text()
 * // "if (bad) dev.apimoshell.shell.ExitGuard.exit(3);"}</pre>
 */
public final class ExitGuard {

  /** What a rewritten {@code System.exit(status)} throws: the snippet asked to end. */
  public static final class Request extends Error {
    private final int status;

    Request(int status) {
      super("exit(" + status + ")", null, false, false);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** Stands in for {@code System.exit} in snippets: asks the shell to end, with this status. */
  public static void exit(int status) {
    throw new Request(status);
  }

  /** A rewritten source and where it changed, to map compiler positions back to what was typed. */
  record Rewrite(String original, String text, List<Edit> edits) {
    /** The offset in {@code original} of an offset in {@code text}. */
    long originalPosition(long position) {
      long shift = 0;
      for (Edit e : edits) {
        if (position >= e.at() + e.added()) {
          shift += e.added() - e.removed();
        } else if (position >= e.at()) {
          return e.at() - shift;
        }
      }
      return position - shift;
    }
  }

  /**
   * One replacement: at offset {@code at} of the new text, {@code removed} chars became {@code
   * added}.
   */
  record Edit(int at, int removed, int added) {}

  private static final String CALL = ExitGuard.class.getName() + ".exit";
  private static final String REFERENCE = ExitGuard.class.getName() + "::exit";

  private static final Pattern EXIT_REFERENCE =
      Pattern.compile("(?:java\\s*\\.\\s*lang\\s*\\.\\s*)?System\\s*::\\s*exit\\b");

  private static final Pattern EXIT =
      Pattern.compile(
          "(?:java\\s*\\.\\s*lang\\s*\\.\\s*)?(?:System\\s*\\.\\s*exit"
              + "|Runtime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(?:exit|halt))(?=\\s*\\()");

  private ExitGuard() {}

  /** The source with every exit call outside strings and comments turned into {@link #exit}. */
  static Rewrite rewrite(String source) {
    StringBuilder out = new StringBuilder(source.length());
    List<Edit> edits = new ArrayList<>();
    Matcher m = EXIT.matcher(source);
    Matcher reference = EXIT_REFERENCE.matcher(source);
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      int skip = skipLiteralOrComment(source, i);
      if (skip > i) {
        out.append(source, i, skip);
        i = skip;
      } else if (Character.isJavaIdentifierStart(c)
          && !followsNameOrDot(source, i)
          && m.region(i, n).lookingAt()) {
        edits.add(new Edit(out.length(), m.end() - i, CALL.length()));
        out.append(CALL);
        i = m.end();
      } else if (Character.isJavaIdentifierStart(c)
          && !followsNameOrDot(source, i)
          && reference.region(i, n).lookingAt()) {
        edits.add(new Edit(out.length(), reference.end() - i, REFERENCE.length()));
        out.append(REFERENCE);
        i = reference.end();
      } else if (Character.isJavaIdentifierStart(c)) {
        int end = i;
        while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) {
          end++;
        }
        out.append(source, i, end);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return new Rewrite(source, edits.isEmpty() ? source : out.toString(), List.copyOf(edits));
  }

  /** True when the name at {@code i} is a member of something else ({@code a.System.exit}). */
  private static boolean followsNameOrDot(String s, int i) {
    int j = i - 1;
    while (j >= 0 && Character.isWhitespace(s.charAt(j))) {
      j--;
    }
    return j >= 0 && s.charAt(j) == '.';
  }

  /** The end of the string, char, text block or comment starting at {@code i}, else {@code i}. */
  private static int skipLiteralOrComment(String s, int i) {
    if (s.startsWith("//", i)) {
      int nl = s.indexOf('\n', i);
      return nl < 0 ? s.length() : nl;
    }
    if (s.startsWith("/*", i)) {
      int end = s.indexOf("*/", i + 2);
      return end < 0 ? s.length() : end + 2;
    }
    if (s.startsWith("\"\"\"", i)) {
      int j = i + 3;
      while (j < s.length() && !s.startsWith("\"\"\"", j)) {
        j += s.charAt(j) == '\\' ? 2 : 1;
      }
      return Math.min(s.length(), j + 3);
    }
    char c = s.charAt(i);
    if (c == '"' || c == '\'') {
      int j = i + 1;
      while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
        j += s.charAt(j) == '\\' ? 2 : 1;
      }
      return Math.min(s.length(), j + 1);
    }
    return i;
  }
}
