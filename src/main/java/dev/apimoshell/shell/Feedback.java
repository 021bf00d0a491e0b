package dev.apimoshell.shell;

import dev.apimoshell.http.ApimoException;
import dev.apimoshell.internal.text.ControlChars;
import dev.apimoshell.internal.text.Text;
import dev.apimoshell.shell.print.PrintPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

  /**
   * Prints what {@code outcome} shows in this mode to {@code out}, one line per call; a table
   * printed in full is streamed row by row.
   *
   * @return the failure to show the value (a query whose first page fails), or null; at the prompt
   *     it has been printed as an error, in scripts the caller reports it ({@link #renderError})
   */
  Throwable print(Outcome outcome, PrintPolicy policy, Consumer<String> out) {
    if (outcome instanceof Outcome.Value v) {
      if (mode == Mode.SILENT || (mode == Mode.VALUES && !v.temporary())) {
        return null;
      }
      if (mode == Mode.VALUES || v.name() == null) {
        try {
          printer.print(v.value(), v.text(), policy, out);
          return null;
        } catch (RuntimeException | StackOverflowError e) {
          if (mode != Mode.VALUES) {
            out.accept(renderError(e, ""));
          }
          return e;
        }
      }
      List<String> lines = new ArrayList<>();
      try {
        printer.print(v.value(), v.text(), policy, lines::add);
      } catch (RuntimeException | StackOverflowError e) {
        out.accept(red("ERROR: cannot show " + v.name() + ": " + exceptionLine(e)));
        return e;
      }
      if (lines.size() == 1) {
        out.accept(v.name() + " ==> " + lines.get(0));
      } else {
        out.accept(v.name() + " ==>");
        lines.forEach(out);
      }
      return null;
    }
    String text = result(outcome);
    if (!text.isEmpty()) {
      out.accept(text);
    }
    return null;
  }

  /** What a declaration or a stopped snippet shows, empty when this mode shows nothing. */
  private String result(Outcome outcome) {
    if (outcome instanceof Outcome.Done d && mode == Mode.INTERACTIVE && d.description() != null) {
      return dim(ControlChars.visible(d.description()));
    }
    if (outcome instanceof Outcome.Stopped) {
      return dim("stopped");
    }
    return "";
  }

  /** The one line for a value that could not be shown; {@code where} as in {@link #error}. */
  String renderError(Throwable e, String where) {
    return red(where + "ERROR: cannot show the value: " + exceptionLine(e));
  }

  private static String exceptionLine(Throwable e) {
    return exceptionLine(new Outcome.Failed(e, e.getClass().getName(), e.getMessage()));
  }

  /** One or more lines for a failure; {@code where} is "file:line: " in scripts, else empty. */
  String error(Outcome outcome, String where) {
    return error(outcome, where, 0);
  }

  /**
   * As {@link #error(Outcome, String)}, a failure's or compile error's message wrapped at {@code
   * columns} (the prompt's terminal, so that a 60-column window breaks it between words); 0 keeps
   * it on one line, as scripts and pipes want.
   */
  String error(Outcome outcome, String where, int columns) {
    if (outcome instanceof Outcome.Failed f) {
      String line = ControlChars.visible(where) + exceptionLine(f);
      return red(columns > 0 ? Text.wrapLines(line, columns) : line);
    }
    if (outcome instanceof Outcome.Rejected r) {
      String message = ControlChars.visible(where + "error: " + readable(r.message()));
      return red(columns > 0 ? Text.wrapLines(message, columns) : message)
          + ControlChars.visible(caret(r.source(), r.position()));
    }
    return "";
  }

  /** The failure in one line (an Apimo error: its whole message), control characters visible. */
  static String exceptionLine(Outcome.Failed f) {
    if (f.exception() instanceof ApimoException
        || f.exception() instanceof dev.apimoshell.snapshot.SnapshotException) {
      return ControlChars.visible(String.valueOf(f.exception().getMessage()));
    }
    String simple = f.className().substring(f.className().lastIndexOf('.') + 1);
    simple = simple.substring(simple.lastIndexOf('$') + 1);
    return ControlChars.visible(
        f.message() == null || f.message().isBlank()
            ? simple
            : simple + ": " + firstLine(f.message()));
  }

  /**
   * javac's message with its type lists as a person writes them, so that they wrap: {@code
   * required: String, LocalDateTime} rather than {@code java.lang.String,java.time.LocalDateTime}.
   */
  static String readable(String javacMessage) {
    return javacMessage.replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "").replaceAll(",(?=\\S)", ", ");
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
