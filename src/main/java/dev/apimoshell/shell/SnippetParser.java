package dev.apimoshell.shell;

import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when Enter ends the input: only when the snippets typed so far are complete;
 * otherwise it throws {@link EOFError} and the reader shows the secondary prompt. For completion,
 * the "word" is the Java identifier before the cursor.
 */
final class SnippetParser implements Parser {

  private final Supplier<SnippetSplitter> splitter;

  SnippetParser(Supplier<SnippetSplitter> splitter) {
    this.splitter = splitter;
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE
        && !isCommand(line)
        && splitter.get().isIncomplete(line)) {
      throw new EOFError(-1, -1, "incomplete snippet");
    }
    int start = cursor;
    while (start > 0 && Character.isJavaIdentifierPart(line.charAt(start - 1))) {
      start--;
    }
    return new JavaLine(line, cursor, start);
  }

  static boolean isCommand(String line) {
    String s = line.stripLeading();
    return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/*");
  }

  /** The whole input with the identifier being completed as its only word. */
  record JavaLine(String line, int cursor, int wordStart) implements CompletingParsedLine {
    @Override
    public String word() {
      return line.substring(wordStart, cursor);
    }

    @Override
    public int wordCursor() {
      return cursor - wordStart;
    }

    @Override
    public int wordIndex() {
      return 0;
    }

    @Override
    public List<String> words() {
      return List.of(word());
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
