package dev.apimoshell.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when Enter ends the input: only when the snippets typed so far are complete;
 * otherwise it throws {@link EOFError} and the reader shows the secondary prompt. For completion,
 * the "word" is the Java identifier before the cursor, or on a slash command line the
 * space-separated word under the cursor ({@code /wh}, a file name), so that TAB replaces it whole.
 */
final class SnippetParser implements Parser {

  private final Supplier<SnippetSplitter> splitter;

  SnippetParser(Supplier<SnippetSplitter> splitter) {
    this.splitter = splitter;
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    boolean command = isCommand(line);
    if (context == ParseContext.ACCEPT_LINE && !command && splitter.get().isIncomplete(line)) {
      throw new EOFError(-1, -1, "incomplete snippet");
    }
    return command ? commandLine(line, cursor) : javaLine(line, cursor);
  }

  static boolean isCommand(String line) {
    String s = line.stripLeading();
    return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/*");
  }

  private static Line javaLine(String line, int cursor) {
    int start = cursor;
    while (start > 0 && Character.isJavaIdentifierPart(line.charAt(start - 1))) {
      start--;
    }
    return new Line(line, cursor, start, List.of(line.substring(start, cursor)), 0);
  }

  /** The words of {@code /export EXPR FILE}; the one under the cursor ends at the cursor. */
  private static Line commandLine(String line, int cursor) {
    List<String> words = new ArrayList<>();
    int wordIndex = -1;
    int wordStart = cursor;
    int i = 0;
    while (i < line.length()) {
      if (Character.isWhitespace(line.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (wordIndex < 0 && cursor <= i) {
        wordIndex = words.size();
        if (cursor < start) {
          words.add(""); // the cursor is in the blank before this word
        } else {
          wordStart = start;
        }
      }
      words.add(line.substring(start, i));
    }
    if (wordIndex < 0) {
      wordIndex = words.size();
      words.add("");
    }
    return new Line(line, cursor, wordStart, List.copyOf(words), wordIndex);
  }

  /** The whole input, with the word being completed and its place among the line's words. */
  record Line(String line, int cursor, int wordStart, List<String> words, int wordIndex)
      implements CompletingParsedLine {
    @Override
    public String word() {
      return line.substring(wordStart, cursor);
    }

    @Override
    public int wordCursor() {
      return cursor - wordStart;
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor();
    }

    @Override
    public int rawWordLength() {
      return word().length();
    }
  }
}
