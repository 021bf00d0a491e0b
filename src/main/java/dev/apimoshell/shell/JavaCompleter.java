package dev.apimoshell.shell;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * TAB completion from JShell's own analysis, so it knows the facade's types ({@code
 * Apimo.agency(14).us<TAB>} gives {@code users()}). A second TAB on the same input, or a TAB with
 * nothing to complete, prints the signatures of the method being called, as does a TAB right after
 * {@code (}: javadoc text is absent on JDKs shipped without sources, so signatures are what we
 * show.
 */
final class JavaCompleter implements Completer {

  private final Supplier<SourceCodeAnalysis> analysis;
  private final List<String> commands;
  private String lastLine;
  private int lastCursor = -1;

  JavaCompleter(Supplier<SourceCodeAnalysis> analysis, List<String> commands) {
    this.analysis = analysis;
    this.commands = commands;
  }

  @Override
  public void complete(LineReader reader, ParsedLine parsed, List<Candidate> candidates) {
    String line = parsed.line();
    int cursor = parsed.cursor();
    if (SnippetParser.isCommand(line) && !line.strip().contains(" ")) {
      commands.forEach(c -> candidates.add(new Candidate(c, c, null, null, null, null, true)));
      return;
    }
    boolean again = line.equals(lastLine) && cursor == lastCursor;
    lastLine = line;
    lastCursor = cursor;
    if (parsed.word().isEmpty() && inArguments(line, cursor)) {
      String docs = signatures(line, cursor);
      if (!docs.isEmpty()) {
        reader.printAbove(docs);
        return;
      }
    }
    List<Candidate> found = suggestions(line, cursor, parsed.word());
    if (again || found.isEmpty()) {
      String docs = signatures(line, cursor);
      if (!docs.isEmpty()) {
        reader.printAbove(docs);
        if (again) {
          return;
        }
      }
    }
    candidates.addAll(found);
  }

  /** Right after {@code (} or {@code ,}: the user wants the signatures, not every expression. */
  private static boolean inArguments(String line, int cursor) {
    String before = line.substring(0, cursor).stripTrailing();
    return before.endsWith("(") || before.endsWith(",");
  }

  /** Candidates replacing the word before the cursor; types that fit come first. */
  List<Candidate> suggestions(String line, int cursor, String word) {
    int[] anchor = new int[1];
    List<SourceCodeAnalysis.Suggestion> suggestions =
        analysis.get().completionSuggestions(line, cursor, anchor);
    String prefix =
        line.substring(cursor - word.length(), Math.max(cursor - word.length(), anchor[0]));
    boolean anyMatch = suggestions.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
    Set<String> seen = new LinkedHashSet<>();
    return suggestions.stream()
        .filter(s -> !anyMatch || s.matchesType())
        .map(SourceCodeAnalysis.Suggestion::continuation)
        .filter(seen::add)
        .map(c -> new Candidate(prefix + c, c, null, null, null, null, false))
        .collect(Collectors.toList());
  }

  /** The signatures of what the cursor is in (a call's arguments, or the word before it). */
  String signatures(String line, int cursor) {
    return analysis.get().documentation(line, cursor, false).stream()
        .map(SourceCodeAnalysis.Documentation::signature)
        .distinct()
        .collect(Collectors.joining("\n"));
  }
}
