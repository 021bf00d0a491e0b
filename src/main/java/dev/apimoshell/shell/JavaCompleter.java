package dev.apimoshell.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * TAB completion from JShell's own analysis, so it knows the facade's types ({@code
 * Apimo.agency(14).us<TAB>} gives {@code users()}). A TAB right after {@code (}, or with nothing to
 * complete, prints the signatures of the method being called; a second TAB on the same input prints
 * its documentation (the facade's javadoc, see {@link SourceDocs}; JDK methods show their
 * signatures when the JDK ships without sources). Slash commands complete from their usage lines
 * ({@code "/http on|off"} offers {@code on off}, a {@code FILE}, {@code JAR} or {@code DIR}
 * argument file names).
 */
final class JavaCompleter implements Completer {

  /**
   * Members every object has, and plumbing the printer uses: listed only when the typed prefix
   * matches nothing else ({@code u.hash<TAB>} still gives {@code hashCode()}).
   */
  static final Set<String> HIDDEN =
      Set.of(
          "wait",
          "notify",
          "notifyAll",
          "getClass",
          "hashCode",
          "equals",
          "toString",
          "describeConstable",
          "resolveConstantDesc",
          "tableColumns",
          "codeCatalogs");

  private final Supplier<SourceCodeAnalysis> analysis;
  private final List<Commands.Command> commands;
  private final Completer files = new Completers.FileNameCompleter();
  private SourceDocs sources;
  private String lastLine;
  private int lastCursor = -1;

  /**
   * @param commands the slash commands ({@link Commands#TABLE}): their names and what TAB offers
   *     for their arguments
   */
  JavaCompleter(Supplier<SourceCodeAnalysis> analysis, List<Commands.Command> commands) {
    this.analysis = analysis;
    this.commands = commands;
  }

  @Override
  public void complete(LineReader reader, ParsedLine parsed, List<Candidate> candidates) {
    String line = parsed.line();
    int cursor = parsed.cursor();
    if (SnippetParser.isCommand(line)) {
      completeCommand(reader, parsed, candidates);
      return;
    }
    boolean again = line.equals(lastLine) && cursor == lastCursor;
    lastLine = line;
    lastCursor = cursor;
    int width = reader.getTerminal().getWidth();
    if (parsed.word().isEmpty() && inArguments(line, cursor)) {
      String text = again ? documentation(line, cursor, width) : signatures(line, cursor);
      if (!text.isEmpty()) {
        reader.printAbove(again ? text : text + "\n(TAB again: documentation)");
        return;
      }
    }
    List<Candidate> found = suggestions(line, cursor, parsed.word());
    if (again) {
      String docs = documentation(line, cursor, width);
      if (!docs.isEmpty()) {
        reader.printAbove(docs);
        return;
      }
    } else if (found.isEmpty()) {
      String docs = signatures(line, cursor);
      if (!docs.isEmpty()) {
        reader.printAbove(docs);
      }
    }
    candidates.addAll(found);
  }

  /** Command names first; then each argument as the command's table entry says. */
  private void completeCommand(LineReader reader, ParsedLine parsed, List<Candidate> candidates) {
    if (parsed.wordIndex() == 0) {
      commands.forEach(
          c -> candidates.add(new Candidate(c.name(), c.name(), null, null, null, null, true)));
      return;
    }
    Commands.Command command =
        commands.stream()
            .filter(c -> c.name().equals(parsed.words().get(0)))
            .findFirst()
            .orElse(null);
    if (command == null || command.args().isEmpty()) {
      return;
    }
    int index = parsed.wordIndex() - 1;
    Commands.Completer kind = command.completer();
    if (kind == Commands.Completer.EXPRESSION && index > 0) {
      kind = Commands.Completer.FILES;
    }
    if (kind == Commands.Completer.FILES) {
      literals(command, index, candidates); // /raw all|FILE
      files.complete(reader, parsed, candidates);
    } else if (kind == Commands.Completer.EXPRESSION) {
      String expression = parsed.word();
      int start = expression.length();
      while (start > 0 && Character.isJavaIdentifierPart(expression.charAt(start - 1))) {
        start--;
      }
      String head = expression.substring(0, start);
      for (Candidate c :
          suggestions(expression, expression.length(), expression.substring(start))) {
        candidates.add(new Candidate(head + c.value(), c.displ(), null, null, null, null, false));
      }
    } else if (kind == Commands.Completer.WORDS) {
      literals(command, index, candidates);
    }
  }

  /** The lower-case words of the command's usage at argument {@code index}: {@code on off}. */
  private static void literals(Commands.Command command, int index, List<Candidate> candidates) {
    for (String word : command.words(index)) {
      if (!word.equals(word.toUpperCase(Locale.ROOT))) {
        candidates.add(new Candidate(word, word, null, null, null, null, true));
      }
    }
  }

  /** Right after {@code (} or {@code ,}: the user wants the signatures, not every expression. */
  private static boolean inArguments(String line, int cursor) {
    String before = line.substring(0, cursor).stripTrailing();
    return before.endsWith("(") || before.endsWith(",");
  }

  /**
   * Candidates replacing the word before the cursor; types that fit come first, and {@link #HIDDEN}
   * members only when nothing else matches.
   */
  List<Candidate> suggestions(String line, int cursor, String word) {
    int[] anchor = new int[1];
    List<SourceCodeAnalysis.Suggestion> suggestions =
        analysis.get().completionSuggestions(line, cursor, anchor);
    String prefix =
        line.substring(cursor - word.length(), Math.max(cursor - word.length(), anchor[0]));
    boolean anyMatch = suggestions.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
    List<String> continuations =
        suggestions.stream()
            .filter(s -> !anyMatch || s.matchesType())
            .map(SourceCodeAnalysis.Suggestion::continuation)
            .collect(Collectors.toCollection(ArrayList::new));
    if (continuations.stream().anyMatch(JavaCompleter::shown)) {
      continuations.removeIf(c -> !shown(c));
    }
    Set<String> seen = new LinkedHashSet<>(continuations);
    return seen.stream()
        .map(c -> new Candidate(prefix + c, c, null, null, null, null, false))
        .collect(Collectors.toList());
  }

  private static boolean shown(String continuation) {
    int paren = continuation.indexOf('(');
    String name = paren < 0 ? continuation : continuation.substring(0, paren);
    return !HIDDEN.contains(name) && !name.contains("$");
  }

  /** The signatures of what the cursor is in (a call's arguments, or the word before it). */
  String signatures(String line, int cursor) {
    return analysis.get().documentation(line, cursor, false).stream()
        .map(SourceCodeAnalysis.Documentation::signature)
        .distinct()
        .collect(Collectors.joining("\n"));
  }

  /**
   * Each signature with its javadoc below it: JShell's when the JDK has sources, else the facade's
   * own; a signature alone when neither has any.
   */
  String documentation(String line, int cursor, int width) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> entries = new ArrayList<>();
    for (SourceCodeAnalysis.Documentation d : analysis.get().documentation(line, cursor, true)) {
      if (!seen.add(d.signature())) {
        continue;
      }
      String javadoc = d.javadoc() != null ? d.javadoc() : sources().javadoc(d.signature());
      entries.add(
          javadoc == null || javadoc.isBlank()
              ? d.signature()
              : d.signature() + "\n" + JavadocText.render(javadoc, width <= 0 ? 100 : width));
    }
    return String.join("\n\n", entries);
  }

  private synchronized SourceDocs sources() {
    if (sources == null) {
      sources = SourceDocs.locate();
    }
    return sources;
  }
}
