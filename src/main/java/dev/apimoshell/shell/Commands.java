package dev.apimoshell.shell;

import dev.apimoshell.Apimo;
import dev.apimoshell.internal.export.Table;
import dev.apimoshell.internal.text.ControlChars;
import dev.apimoshell.shell.print.PrintSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;
import org.jline.reader.History;

/** The slash commands typed at the prompt; anything else is Java. */
final class Commands {

  /** What the commands act on; the {@link Repl} provides it. */
  interface Host {
    JShellEngine engine();

    void reset();

    /** Runs text as if typed at the prompt; false when a snippet failed or was rejected. */
    boolean run(String text);

    /**
     * Runs a file's text ({@code /open}); false when it failed. An exit in it ends the file, not
     * the session.
     */
    boolean runFile(String text, String name);

    /** The text with the API token masked: for listing snippets. */
    default String redact(String text) {
      return text;
    }

    /** Says what went wrong with a command (a script adds its file and line). */
    default void problem(String message) {
      out().println(message);
    }

    /** The editor command {@code /edit} starts: $VISUAL, $EDITOR or vi. */
    default String editor() {
      String visual = System.getenv("VISUAL");
      String editor = System.getenv("EDITOR");
      return visual != null && !visual.isBlank()
          ? visual
          : editor != null && !editor.isBlank() ? editor : "vi";
    }

    PrintWriter out();

    History history();

    String target();

    HttpTrace http();

    /** How much values show at the prompt ({@code /set rows}). */
    PrintSettings printSettings();
  }

  /** What a command does, on the commands of one session. */
  @FunctionalInterface
  interface Action {
    void run(Commands commands, PrintWriter out, String arg);
  }

  /** What TAB offers for a command's arguments. */
  enum Completer {
    /** Nothing: the command takes no argument, or a free one (an id, a number). */
    NONE,
    /** File names: {@code FILE}, {@code JAR}, {@code DIR}. */
    FILES,
    /** A Java expression, then a file name: {@code /export EXPR FILE}. */
    EXPRESSION,
    /** The literal words of the usage: {@code on|off}. */
    WORDS
  }

  /**
   * One slash command: everything /help, TAB, the script allow-list and docs/commands.md know about
   * it.
   *
   * @param args its usage after the name ({@code "on|off"}, {@code "FILE [ARGS]"}): upper-case
   *     words are placeholders, lower-case ones literals
   * @param summary one line for /help
   * @param help what {@code /help NAME} adds
   * @param inScripts whether a script (file, {@code -e}, stdin) may run it
   */
  record Command(
      String name,
      String args,
      String summary,
      String help,
      Action action,
      Completer completer,
      boolean inScripts) {

    /** The name and its arguments: {@code /http on|off}. */
    String usage() {
      return args.isEmpty() ? name : name + " " + args;
    }

    /** The literal words TAB offers for argument {@code index} (0: the first). */
    List<String> words(int index) {
      String[] parts = args.replaceAll("[\\[\\]]", "").split(" ");
      String word = parts[Math.min(index, parts.length - 1)];
      return List.of(word.split("\\|"));
    }
  }

  private static Command command(
      String name,
      String args,
      String summary,
      Action action,
      Completer completer,
      boolean inScripts) {
    return new Command(name, args, summary, "", action, completer, inScripts);
  }

  private static final boolean SCRIPT = true;
  private static final boolean PROMPT = false;

  /** The commands, in the order /help lists them: one entry each. */
  static final List<Command> TABLE =
      List.of(
          command(
              "/help",
              "[NAME]",
              "this list; with a NAME, that command's help",
              (c, out, arg) -> c.help(out, arg),
              Completer.NONE,
              SCRIPT),
          command(
              "/exit",
              "[STATUS]",
              "leave the shell (also Ctrl-D); a script ends with STATUS",
              (c, out, arg) -> {},
              Completer.NONE,
              SCRIPT),
          command(
              "/vars",
              "",
              "the variables defined so far, one line each: type, name, a summary",
              (c, out, arg) -> c.vars(out),
              Completer.NONE,
              SCRIPT),
          command(
              "/imports",
              "",
              "the active imports",
              (c, out, arg) -> c.host.engine().imports().forEach(out::println),
              Completer.NONE,
              SCRIPT),
          command(
              "/reset",
              "",
              "forget every variable and method, reload startup.jsh",
              (c, out, arg) -> c.reset(out),
              Completer.NONE,
              PROMPT),
          command(
              "/open",
              "FILE [ARGS]",
              "run a .jsh file in this session, with args set to ARGS",
              (c, out, arg) -> c.open(out, arg),
              Completer.FILES,
              SCRIPT),
          command(
              "/save",
              "FILE",
              "save the snippets typed in this session to FILE (/open reruns it)",
              (c, out, arg) -> c.save(out, arg),
              Completer.FILES,
              SCRIPT),
          command(
              "/list",
              "",
              "the snippets typed in this session, with their ids",
              (c, out, arg) -> c.list(out),
              Completer.NONE,
              SCRIPT),
          command(
              "/edit",
              "[ID|NAME]",
              "edit snippets in $EDITOR (default: all), run what changed",
              (c, out, arg) -> c.edit(out, arg),
              Completer.NONE,
              PROMPT),
          command(
              "/drop",
              "ID|NAME",
              "forget a variable, method or class",
              (c, out, arg) -> c.drop(out, arg),
              Completer.NONE,
              SCRIPT),
          command(
              "/methods",
              "",
              "the methods declared in this session",
              (c, out, arg) -> c.methods(out),
              Completer.NONE,
              SCRIPT),
          command(
              "/types",
              "",
              "the classes, records, interfaces and enums declared",
              (c, out, arg) -> c.types(out),
              Completer.NONE,
              SCRIPT),
          new Command(
              "/record",
              "FILE|off",
              "write the session as it goes into a Markdown file for a ticket: inputs, outputs, HTTP"
                  + " lines, never the token",
              "Each input with its time, what it printed, errors and the HTTP exchanges with their"
                  + " timings (writes marked); password literals and their echoes hidden."
                  + " /record off closes the file; --record FILE does the same for a script",
              (c, out, arg) -> RecordCommand.run(out, arg, c.host, c::fail),
              Completer.FILES,
              SCRIPT),
          command(
              "/history",
              "",
              "the lines typed, oldest first (Ctrl-R searches them)",
              (c, out, arg) -> c.history(out),
              Completer.NONE,
              PROMPT),
          command(
              "/http",
              "on|off",
              "print one line per HTTP request: method, URL, status, time, size (no argument: whether it is on and, against Apimo, today's request count)",
              (c, out, arg) -> c.http(out, arg),
              Completer.WORDS,
              SCRIPT),
          command(
              "/whoami",
              "",
              "the API target and provider",
              (c, out, arg) -> c.whoami(out),
              Completer.NONE,
              SCRIPT),
          command(
              "/stack",
              "",
              "the full stack trace of the last exception",
              (c, out, arg) -> c.stack(out),
              Completer.NONE,
              SCRIPT),
          command(
              "/raw",
              "[all|FILE]",
              "the last HTTP response, a screenful (all: the whole body; FILE: save it there)",
              (c, out, arg) -> c.raw(out, arg),
              Completer.FILES,
              SCRIPT),
          command(
              "/set",
              "rows N|all",
              "rows, elements and text lines (5 per row) a value shows at the prompt (default "
                  + PrintSettings.DEFAULT_ROWS
                  + "); piped output shows everything",
              (c, out, arg) -> c.set(out, arg),
              Completer.WORDS,
              SCRIPT),
          new Command(
              "/export",
              "EXPR FILE",
              "export a query, list or stream to FILE (.csv .tsv .json .ndjson)",
              "A CSV dialect may follow the file: RFC4180 (the default), EXCEL, or EXCEL_FR"
                  + " (semicolons and decimal commas for French Excel):"
                  + " /export Apimo.agency(14).users() users.csv EXCEL_FR",
              (c, out, arg) -> c.export(out, arg),
              Completer.EXPRESSION,
              SCRIPT),
          command(
              "/snapshot",
              "ID DIR",
              "save agency ID into folder DIR for support: every list as sent, its catalogs, a manifest (run again to resume); /snapshot refresh DIR fetches what changed since",
              (c, out, arg) -> c.snapshot(arg),
              Completer.FILES,
              SCRIPT),
          command(
              "/catalog",
              "[NAME]",
              "a catalog's codes and words (no NAME: the list of catalogs)",
              (c, out, arg) -> c.catalog(out, arg),
              Completer.NONE,
              SCRIPT),
          command(
              "/diff",
              "DIR DIR",
              "what changed from the first snapshot folder to the second: records added, removed, fields changed",
              (c, out, arg) -> c.diff(arg),
              Completer.FILES,
              SCRIPT),
          command(
              "/env",
              "--class-path JAR",
              "add a jar or class directory (as --class-path does)",
              (c, out, arg) -> c.env(out, arg),
              Completer.FILES,
              SCRIPT));

  /** The command names, in /help's order. */
  static List<String> names() {
    return TABLE.stream().map(Command::name).toList();
  }

  /**
   * The command {@code name} stands for: its exact name, or a prefix of only one name ({@code /he}
   * is {@code /help}); empty when none or several match.
   */
  static java.util.Optional<Command> lookup(String name) {
    for (Command c : TABLE) {
      if (c.name().equals(name)) {
        return java.util.Optional.of(c);
      }
    }
    List<Command> prefixed =
        name.length() < 2
            ? List.of()
            : TABLE.stream().filter(c -> c.name().startsWith(name)).toList();
    return prefixed.size() == 1
        ? java.util.Optional.of(prefixed.get(0))
        : java.util.Optional.empty();
  }

  /** The names of the commands a script runs; the others are for the prompt. */
  static List<String> scriptNames() {
    return TABLE.stream().filter(Command::inScripts).map(Command::name).toList();
  }

  /** The command list as Markdown, for docs/commands.md (a test keeps that file equal to this). */
  static String markdown() {
    StringBuilder b =
        new StringBuilder(
            "# Shell commands\n\n"
                + "Generated from the shell's command table (`Commands.TABLE`);"
                + " `CommandTableTest` fails when this file differs from it.\n"
                + "A command can be shortened to any prefix that only it has (`/he` is `/help`).\n\n"
                + "| command | what it does | in scripts |\n|---|---|---|\n");
    for (Command c : TABLE) {
      b.append("| `")
          .append(c.usage())
          .append("` | ")
          .append(c.summary().replace("|", "\\|"))
          .append(" | ")
          .append(c.inScripts() ? "yes" : "no (prompt only)")
          .append(" |\n");
    }
    return b.toString();
  }

  /** What running a command line came to. */
  enum Result {
    DONE,
    /** It failed or was misused; a script stops with status 1. */
    FAILED,
    /** {@code /exit}: the session ends. */
    EXIT
  }

  private final Host host;
  private boolean failed;

  Commands(Host host) {
    this.host = host;
  }

  private void reset(PrintWriter out) {
    host.reset();
    out.println("reset: variables and methods are gone, startup.jsh reloaded");
  }

  /** Runs one command line. */
  Result run(String line) {
    String[] parts = line.strip().split("\\s+", 2);
    String name = parts[0];
    String arg = parts.length > 1 ? parts[1].strip() : "";
    PrintWriter out = host.out();
    Command command = lookup(name).orElse(null);
    if (name.equals("/quit") || (command != null && command.name().equals("/exit"))) {
      return Result.EXIT;
    }
    failed = false;
    if (command == null) {
      String hint = Nearest.hint(name, names());
      fail(
          "unknown command "
              + name
              + (hint.isEmpty() ? "" : "; " + hint)
              + " (/help lists the commands)");
    } else {
      command.action().run(this, out, arg);
    }
    out.flush();
    return failed ? Result.FAILED : Result.DONE;
  }

  private void fail(String message) {
    host.problem(message);
    failed = true;
  }

  private void ran(boolean ok) {
    failed |= !ok;
  }

  private void help(PrintWriter out, String arg) {
    if (!arg.isEmpty()) {
      Command command = lookup(arg.startsWith("/") ? arg : "/" + arg).orElse(null);
      if (command == null) {
        fail("no command " + arg + " (/help lists the commands)");
        return;
      }
      out.println(command.usage());
      out.println(
          JavadocText.wrap(
              command.summary() + (command.help().isEmpty() ? "" : ". " + command.help()),
              Math.max(Table.terminalWidth(), 40),
              "  ",
              "  "));
      out.println(command.inScripts() ? "  (also in scripts)" : "  (at the prompt only)");
      return;
    }
    out.println("Type Java; the facade is imported: Apimo.agency(14).users()");
    int width = TABLE.stream().mapToInt(c -> c.usage().length()).max().orElse(0);
    String indent = " ".repeat(width + 4);
    int columns =
        Math.max(Table.terminalWidth(), width + 24) + 1; // wrap keeps lines under its width
    TABLE.forEach(
        c ->
            out.println(
                JavadocText.wrap(
                    c.summary(),
                    columns,
                    String.format("  %-" + width + "s  ", c.usage()),
                    indent)));
    out.println(
        JavadocText.wrap(
            "Keys: TAB completes (again: the next candidate; right after '(': documentation), Shift+TAB i imports the type before the"
                + " cursor, Shift+TAB v makes the expression a variable, Ctrl-R searches history,"
                + " Ctrl-C stops a running snippet or clears the line, Ctrl-D quits.",
            columns,
            "",
            ""));
  }

  private void vars(PrintWriter out) {
    JShell jshell = host.engine().jshell();
    int width = Table.terminalWidth();
    jshell
        .variables()
        .filter(v -> jshell.status(v).isActive())
        .forEach(
            v ->
                out.println(
                    Table.fit(
                        ControlChars.visible(
                            v.typeName() + " " + v.name() + " = " + jshell.varValue(v)),
                        width)));
  }

  /** {@code /raw}: a screenful; {@code /raw all}: everything; {@code /raw FILE}: saved there. */
  private void raw(PrintWriter out, String arg) {
    var exchange = Apimo.client().http().lastExchange();
    if (arg.isEmpty() || arg.equals("all")) {
      int lines = arg.isEmpty() ? host.printSettings().screenLines() : 0;
      out.println(RawView.of(exchange, lines));
      return;
    }
    if (exchange == null) {
      out.println(RawView.of(null));
      return;
    }
    try {
      Files.writeString(Path.of(arg), RawView.body(exchange));
      out.println("saved the body of " + ControlChars.visible(exchange.toString()) + " to " + arg);
    } catch (IOException | RuntimeException e) {
      fail("cannot write " + arg + ": " + why(e));
    }
  }

  /**
   * Why a file could not be read or written, in words: NIO's exceptions often carry only the path
   * ({@code NoSuchFileException: /tmp/x.jsh}), which the message already names.
   */
  static String why(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.charset.CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  /** {@code /set rows N|all}: how much values show at the prompt. */
  private void set(PrintWriter out, String arg) {
    PrintSettings settings = host.printSettings();
    String[] parts = arg.split("\\s+");
    if (parts.length == 2 && parts[0].equals("rows")) {
      try {
        settings.rows(parts[1].equals("all") ? 0 : Integer.parseInt(parts[1]));
      } catch (IllegalArgumentException e) {
        fail("usage: /set rows N|all (N a whole number, 0 or all for everything)");
        return;
      }
    } else if (!arg.isEmpty() && !arg.equals("rows")) {
      fail("usage: /set rows N|all (now " + rowsText(settings) + ")");
      return;
    }
    out.println("rows " + rowsText(settings));
  }

  private static String rowsText(PrintSettings settings) {
    return settings.rows() == 0 ? "all" : String.valueOf(settings.rows());
  }

  private void open(PrintWriter out, String arg) {
    List<String> words = words(arg);
    if (words.isEmpty()) {
      fail("usage: /open FILE [ARGS]   e.g. /open report.jsh 14 2024-01-01");
      return;
    }
    String file = words.get(0);
    String text;
    try {
      text = Files.readString(Path.of(file));
    } catch (IOException e) {
      fail("cannot read " + file + ": " + why(e));
      return;
    }
    host.engine().withArgs(words.subList(1, words.size()), () -> ran(host.runFile(text, file)));
  }

  /** Words separated by spaces; double or single quotes keep spaces in one word. */
  static List<String> words(String text) {
    List<String> words = new java.util.ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : text.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  private void save(PrintWriter out, String arg) {
    List<String> words = words(arg);
    if (words.size() != 1) {
      fail("usage: /save FILE");
      return;
    }
    String file = words.get(0);
    List<String> sources =
        host.engine().savableSnippets().stream()
            .map(s -> host.engine().sourceOf(s).strip())
            .map(s -> s.endsWith(";") || s.endsWith("}") ? s : s + ";")
            .map(WriteCalls::neutralised) // /open of the file never writes again
            .toList();
    List<String> safe = sources.stream().filter(s -> host.redact(s).equals(s)).toList();
    try {
      Files.writeString(Path.of(file), String.join("\n", safe) + "\n");
      int secret = sources.size() - safe.size();
      out.println(
          "saved "
              + safe.size()
              + " snippets to "
              + file
              + (secret == 0 ? "" : " (" + secret + " left out: they hold the API token)"));
    } catch (IOException e) {
      fail("cannot write " + file + ": " + why(e));
    }
  }

  private void history(PrintWriter out) {
    History history = host.history();
    if (history == null) {
      return;
    }
    history.forEach(e -> out.printf("%5d  %s%n", e.index() + 1, e.line()));
  }

  private void http(PrintWriter out, String arg) {
    HttpTrace trace = host.http();
    switch (arg) {
      case "on" ->
          out.println(trace.on() ? "HTTP trace on" : "HTTP trace is not available for this client");
      case "off" -> {
        trace.off();
        out.println("HTTP trace off");
      }
      case "" -> {
        out.println(
            "HTTP trace "
                + (trace.isOn()
                    ? "on (/http off stops it)"
                    : "off (/http on prints each request)"));
        Apimo.client().http().quota().ifPresent(q -> out.println("quota: " + q));
      }
      default -> fail("usage: /http on|off (now " + (trace.isOn() ? "on" : "off") + ")");
    }
  }

  private void export(PrintWriter out, String arg) {
    String[] parts = splitLastWord(arg);
    String dialect = parts == null ? null : ExportDialectWord.of(parts[1]);
    if (dialect != null) {
      parts = splitLastWord(parts[0]);
    }
    if (parts == null) {
      fail(ExportDialectWord.USAGE);
      return;
    }
    // The expression on a line of its own: an error in it shows what was typed, not this call.
    ran(
        host.run(
            "Apimo.export(\n"
                + parts[0]
                + "\n, "
                + JShellEngine.javaString(parts[1])
                + (dialect == null ? "" : ", " + dialect)
                + ")"));
  }

  /** {@code /snapshot 14 agency-14} or {@code /snapshot refresh agency-14}. */
  private void snapshot(String arg) {
    String[] words = arg.strip().split("\\s+", 2);
    String dir = words.length < 2 ? "" : words[1].strip();
    if (dir.length() > 1 && dir.startsWith("\"") && dir.endsWith("\"")) {
      dir = dir.substring(1, dir.length() - 1);
    }
    if (dir.isEmpty() || !(words[0].equals("refresh") || words[0].matches("\\d{1,18}"))) {
      fail("usage: /snapshot AGENCY DIR or /snapshot refresh DIR   e.g. /snapshot 14 agency-14");
    } else if (words[0].equals("refresh")) {
      ran(host.run("dev.apimoshell.Apimo.refresh(" + JShellEngine.javaString(dir) + ")"));
    } else {
      ran(
          host.run(
              "dev.apimoshell.Apimo.snapshot("
                  + words[0]
                  + "L, "
                  + JShellEngine.javaString(dir)
                  + ")"));
    }
  }

  /** {@code /diff DIR DIR}: the folders checked here, so a wrong one is one line. */
  private void diff(String arg) {
    List<String> folders = words(arg);
    if (folders.size() != 2) {
      fail(
          "usage: /diff DIR DIR   e.g. /diff agency-14@monday agency-14 (the older snapshot first)");
      return;
    }
    for (String folder : folders) {
      try {
        dev.apimoshell.internal.snapshot.SnapshotFolder.open(Path.of(folder));
      } catch (IllegalArgumentException e) {
        fail(e.getMessage());
        return;
      }
    }
    ran(
        host.run(
            "dev.apimoshell.snapshot.Snapshot.diff("
                + JShellEngine.javaString(folders.get(0))
                + ", "
                + JShellEngine.javaString(folders.get(1))
                + ")"));
  }

  /**
   * {@code EXPR FILE} or {@code EXPR "FILE WITH SPACES"}: the expression and the file name, or
   * null.
   */
  static String[] splitLastWord(String arg) {
    String text = arg.strip();
    int split;
    String word;
    if (text.endsWith("\"") && text.length() > 1) {
      split = text.lastIndexOf('"', text.length() - 2);
      word = split < 0 ? null : text.substring(split + 1, text.length() - 1);
    } else {
      split = text.lastIndexOf(' ');
      word = split < 0 ? null : text.substring(split + 1);
    }
    if (word == null || word.isEmpty() || text.substring(0, split).isBlank()) {
      return null;
    }
    return new String[] {text.substring(0, split).strip(), word};
  }

  private void catalog(PrintWriter out, String name) {
    if (name.isEmpty()) {
      ran(host.run("Apimo.catalogs()"));
    } else if (!name.matches("[a-z][a-z0-9_]*")) {
      fail("not a catalog name: " + name + " (/catalog lists them)");
    } else if (knownCatalog(out, name)) {
      ran(host.run("Apimo.catalog(\"" + name + "\").entries()"));
    }
  }

  /** True when Apimo lists {@code name}; else says which names are near. */
  private boolean knownCatalog(PrintWriter out, String name) {
    List<String> names;
    try {
      names = Apimo.catalogs().stream().map(dev.apimoshell.model.CatalogInfo::name).toList();
    } catch (RuntimeException e) {
      return true; // the catalog call itself will say what is wrong
    }
    if (names.contains(name)) {
      return true;
    }
    String hint = Nearest.hint(name, names);
    fail(
        "no catalog "
            + name
            + (hint.isEmpty() ? "" : "; " + hint)
            + " (/catalog lists all "
            + names.size()
            + ")");
    return false;
  }

  private void list(PrintWriter out) {
    for (Snippet s : host.engine().userSnippets()) {
      String source = host.redact(host.engine().sourceOf(s)).strip().replace("\n", "\n       ");
      out.printf("%4s : %s%n", s.id(), source);
    }
  }

  private void methods(PrintWriter out) {
    host.engine().userSnippets().stream()
        .filter(s -> s instanceof MethodSnippet)
        .map(s -> (MethodSnippet) s)
        .forEach(m -> out.println(returnType(m) + " " + m.name() + "(" + m.parameterTypes() + ")"));
  }

  /** The return type from a signature such as {@code (int)String}. */
  private static String returnType(MethodSnippet m) {
    String signature = m.signature();
    return signature.substring(signature.lastIndexOf(')') + 1);
  }

  private void types(PrintWriter out) {
    host.engine().userSnippets().stream()
        .filter(s -> s instanceof TypeDeclSnippet)
        .map(s -> (TypeDeclSnippet) s)
        .forEach(
            t ->
                out.println(
                    t.subKind().name().replace("_SUBKIND", "").toLowerCase(java.util.Locale.ROOT)
                        + " "
                        + t.name()));
  }

  /** The user's active snippets with this id or name (several for overloaded methods). */
  private List<Snippet> find(String idOrName) {
    return host.engine().userSnippets().stream()
        .filter(
            s ->
                s.id().equals(idOrName)
                    || (s instanceof DeclarationSnippet d && d.name().equals(idOrName)))
        .toList();
  }

  private void drop(PrintWriter out, String arg) {
    if (arg.isEmpty()) {
      fail("usage: /drop ID|NAME   (/list shows the ids, /vars /methods /types the names)");
      return;
    }
    List<Snippet> found = find(arg);
    if (found.isEmpty()) {
      fail("no snippet " + arg + " to drop; /list shows the ids and names");
      return;
    }
    for (Snippet s : found) {
      host.engine().jshell().drop(s);
      out.println(
          "dropped "
              + switch (s.kind()) {
                case VAR -> "variable " + ((DeclarationSnippet) s).name();
                case METHOD -> "method " + ((DeclarationSnippet) s).name();
                case TYPE_DECL -> "type " + ((DeclarationSnippet) s).name();
                default -> "snippet " + s.id();
              });
    }
  }

  private void edit(PrintWriter out, String arg) {
    List<Snippet> found = arg.isEmpty() ? host.engine().userSnippets() : find(arg);
    if (!arg.isEmpty() && found.isEmpty()) {
      fail("no snippet " + arg + " to edit; /list shows the ids and names");
      return;
    }
    List<String> before = found.stream().map(s -> host.engine().sourceOf(s).strip()).toList();
    String edited;
    try {
      Path file = Files.createTempFile("apimo-edit", ".jsh");
      try {
        Files.writeString(file, before.isEmpty() ? "" : String.join("\n", before) + "\n");
        int status =
            new ProcessBuilder("sh", "-c", host.editor() + " \"$1\"", "sh", file.toString())
                .inheritIO()
                .start()
                .waitFor();
        if (status != 0) {
          fail("the editor (" + host.editor() + ") exited with " + status + "; nothing run");
          return;
        }
        edited = Files.readString(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      fail("cannot edit: " + e.getMessage() + " (set $EDITOR to an editor that waits)");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    boolean changed = false;
    for (SnippetSplitter.Piece piece : host.engine().splitter().split(edited)) {
      if (!before.contains(piece.source().strip())) {
        changed = true;
        if (!host.run(piece.source())) {
          failed = true;
          return;
        }
      }
    }
    if (!changed) {
      out.println("no change");
    }
  }

  private void whoami(PrintWriter out) {
    out.println(host.target());
    Apimo.client().http().quota().ifPresent(q -> out.println("quota: " + q));
  }

  private void env(PrintWriter out, String arg) {
    String[] words = arg.split("\\s+", 2);
    List<String> added = host.engine().classPath();
    if (words.length < 2 || !words[0].equals("--class-path")) {
      String usage =
          "usage: /env --class-path JAR"
              + (added.isEmpty() ? "" : " (added: " + String.join(", ", added) + ")");
      if (arg.isEmpty()) {
        out.println(usage);
      } else {
        fail(usage);
      }
      return;
    }
    try {
      host.engine().addToClassPath(words[1].strip());
      out.println("added to the class path: " + words[1].strip());
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
    }
  }

  private void stack(PrintWriter out) {
    Throwable last = host.engine().lastException();
    if (last == null) {
      out.println("no exception in this session yet: nothing has failed");
    } else {
      var trace = new java.io.StringWriter();
      last.printStackTrace(new PrintWriter(trace));
      out.print(ControlChars.visible(trace.toString()));
    }
  }
}
