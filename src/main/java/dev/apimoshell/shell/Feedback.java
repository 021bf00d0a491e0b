package dev.apimoshell.shell;

import dev.apimoshell.http.ApimoException;

/**
 * Words what a snippet produced: values, one-line errors, compile errors with a caret. The same
 * wording serves the prompt and scripts; only the amount differs by {@link Mode}.
 */
final class Feedback {

  enum Mode {
    /** At the prompt: {@code x ==> value}, created declarations. */
    INTERACTIVE,
    /** {@code -e} and piped stdin: the values of expressions only. */
    VALUES,
    /** Script files: only what the script prints itself. */
    SILENT
  }

  private final Mode mode;
  private final boolean color;
  private final ValuePrinter printer;

  Feedback(Mode mode, boolean color, ValuePrinter printer) {
    this.mode = mode;
    this.color = color;
    this.printer = printer;
  }

  /** The text for a value or declaration, empty when this mode shows nothing. */
  String result(Outcome outcome, int width) {
    if (outcome instanceof Outcome.Value v) {
      if (mode == Mode.SILENT || (mode == Mode.VALUES && !v.temporary())) {
        return "";
      }
      String shown;
      try {
        shown = printer.print(v.value(), v.text(), width);
      } catch (RuntimeException e) {
        shown =
            v.text()
                + "\n"
                + red(
                    "(cannot show it as a table: "
                        + exceptionLine(
                            new Outcome.Failed(e, e.getClass().getName(), e.getMessage()))
                        + ")");
      }
      if (shown == null) {
        shown = red("(its toString() failed)");
      }
      if (mode == Mode.VALUES || v.name() == null) {
        return shown;
      }
      return v.name() + " ==>" + (shown.contains("\n") ? "\n" : " ") + shown;
    }
    if (outcome instanceof Outcome.Done d && mode == Mode.INTERACTIVE && d.description() != null) {
      return dim(d.description());
    }
    if (outcome instanceof Outcome.Stopped) {
      return dim("stopped");
    }
    return "";
  }

  /** One or more lines for a failure; {@code where} is "file:line: " in scripts, else empty. */
  String error(Outcome outcome, String where) {
    if (outcome instanceof Outcome.Failed f) {
      return red(where + exceptionLine(f));
    }
    if (outcome instanceof Outcome.Rejected r) {
      return red(where + "error: " + r.message()) + caret(r.source(), r.position());
    }
    return "";
  }

  static String exceptionLine(Outcome.Failed f) {
    if (f.exception() instanceof ApimoException) {
      return String.valueOf(f.exception().getMessage());
    }
    String simple = f.className().substring(f.className().lastIndexOf('.') + 1);
    simple = simple.substring(simple.lastIndexOf('$') + 1);
    return f.message() == null || f.message().isBlank()
        ? simple
        : simple + ": " + firstLine(f.message());
  }

  /** The source line holding the error and a caret under its column. */
  private static String caret(String source, long position) {
    if (position < 0 || position > source.length()) {
      return "";
    }
    int pos = (int) position;
    int start = source.lastIndexOf('\n', pos - 1) + 1;
    int end = source.indexOf('\n', pos);
    String line = source.substring(start, end < 0 ? source.length() : end);
    StringBuilder pad = new StringBuilder();
    for (int i = start; i < pos; i++) {
      pad.append(source.charAt(i) == '\t' ? '\t' : ' ');
    }
    return "\n" + line + "\n" + pad + "^";
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private String red(String s) {
    return color ? "\u001b[31m" + s + "\u001b[0m" : s;
  }

  private String dim(String s) {
    return color ? "\u001b[2m" + s + "\u001b[0m" : s;
  }
}
