package dev.apimoshell.shell;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Cuts text (a pasted block, a script file) into the complete snippets JShell accepts, the way the
 * {@code jshell} tool does: line by line, evaluating as soon as the text so far is complete. So
 * {@code int x = 5} alone on a line is a snippet, and a block with several statements on one line
 * becomes several snippets. One addition: a line starting with {@code .} continues the previous
 * one, so chained calls can be split over lines.
 */
final class SnippetSplitter {

  /** One unit to run: a snippet or a slash command, with its first line in the input (1-based). */
  record Piece(String source, int line, boolean command) {}

  private final SourceCodeAnalysis analysis;

  SnippetSplitter(SourceCodeAnalysis analysis) {
    this.analysis = analysis;
  }

  List<Piece> split(String text) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    int pendingLine = 0;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (pending.isEmpty()) {
        if (line.isBlank()) {
          continue;
        }
        if (line.strip().startsWith("/")
            && !line.strip().startsWith("//")
            && !line.strip().startsWith("/*")) {
          pieces.add(new Piece(line.strip(), i + 1, true));
          continue;
        }
        pendingLine = i + 1;
      }
      pending.append(line).append('\n');
      String rest = pending.toString();
      while (true) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        if (info.completeness() == Completeness.EMPTY) {
          rest = "";
          break;
        }
        if (!info.completeness().isComplete() || info.source() == null) {
          break;
        }
        String consumed = rest.substring(0, rest.length() - info.remaining().length());
        String typed = consumed.strip();
        if (!typed.endsWith(";")
            && !typed.endsWith("}")
            && info.remaining().isBlank()
            && nextLineContinues(lines, i)) {
          break;
        }
        pieces.add(new Piece(info.source(), pendingLine + leadingNewlines(consumed), false));
        pendingLine += newlines(consumed);
        rest = info.remaining();
        if (rest.isBlank()) {
          rest = "";
          break;
        }
      }
      pending.setLength(0);
      pending.append(rest);
      if (rest.isEmpty()) {
        pendingLine = 0;
      }
    }
    if (!pending.toString().isBlank()) {
      pieces.add(new Piece(pending.toString().stripTrailing(), pendingLine, false));
    }
    return pieces;
  }

  /** True when the text ends inside an unfinished snippet, so the reader should ask for more. */
  boolean isIncomplete(String text) {
    String rest = text;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      Completeness c = info.completeness();
      if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
        return true;
      }
      if (c == Completeness.EMPTY || info.source() == null) {
        return false;
      }
      rest = info.remaining();
    }
    return false;
  }

  /**
   * A statement without its semicolon followed by a line starting with {@code .} is a chained call
   * split over lines (common in scripts): keep reading instead of cutting.
   */
  private static boolean nextLineContinues(String[] lines, int i) {
    for (int j = i + 1; j < lines.length; j++) {
      if (!lines[j].isBlank()) {
        return lines[j].stripLeading().startsWith(".");
      }
    }
    return false;
  }

  private static int newlines(String s) {
    return (int) s.chars().filter(c -> c == '\n').count();
  }

  private static int leadingNewlines(String s) {
    int n = 0;
    for (int i = 0; i < s.length() && Character.isWhitespace(s.charAt(i)); i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
