package dev.apimoshell.shell;

import dev.apimoshell.Apimo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.jline.reader.History;

/** The slash commands typed at the prompt; anything else is Java. */
final class Commands {

  /** What the commands act on; the {@link Repl} provides it. */
  interface Host {
    JShellEngine engine();

    void reset();

    /** Runs text as if typed at the prompt (for {@code /open}). */
    void run(String text);

    PrintWriter out();

    History history();

    String target();

    HttpTrace http();
  }

  static final Map<String, String> HELP = new java.util.LinkedHashMap<>();

  static {
    HELP.put("/help", "this list");
    HELP.put("/exit", "leave the shell (also Ctrl-D)");
    HELP.put("/vars", "the variables defined so far, with their values");
    HELP.put("/imports", "the active imports");
    HELP.put("/reset", "forget every variable and method, reload startup.jsh");
    HELP.put("/open FILE", "run a .jsh file in this session");
    HELP.put("/save FILE", "save the snippets typed in this session to FILE");
    HELP.put("/history", "the lines typed, oldest first (Ctrl-R searches them)");
    HELP.put("/http on|off", "print one line per HTTP request: method, URL, status, time, size");
    HELP.put("/whoami", "the API target and provider");
    HELP.put("/stack", "the full stack trace of the last exception");
    HELP.put("/raw", "the last HTTP response: request line, then the body (JSON pretty-printed)");
    HELP.put(
        "/export EXPR FILE", "export a query, list or stream to FILE (.csv .tsv .json .ndjson)");
    HELP.put("/catalog [NAME]", "a catalog's codes and words (no NAME: the list of catalogs)");
    HELP.put("/env --class-path JAR", "add a jar or class directory (as --class-path does)");
  }

  static List<String> names() {
    return HELP.keySet().stream().map(k -> k.split(" ")[0]).toList();
  }

  /** Each command with its arguments ({@code "/http on|off"}): what TAB completes from. */
  static List<String> usages() {
    return List.copyOf(HELP.keySet());
  }

  private final Host host;
  private final Map<String, BiConsumer<PrintWriter, String>> actions = new java.util.HashMap<>();

  Commands(Host host) {
    this.host = host;
    actions.put("/help", (out, arg) -> help(out));
    actions.put("/vars", (out, arg) -> vars(out));
    actions.put(
        "/imports",
        (out, arg) ->
            host.engine()
                .jshell()
                .imports()
                .forEach(
                    i -> out.println("import " + (i.isStatic() ? "static " : "") + i.fullname())));
    actions.put(
        "/reset",
        (out, arg) -> {
          host.reset();
          out.println("reset: variables and methods are gone, startup.jsh reloaded");
        });
    actions.put("/open", (out, arg) -> open(out, arg));
    actions.put("/save", (out, arg) -> save(out, arg));
    actions.put("/history", (out, arg) -> history(out));
    actions.put("/http", (out, arg) -> http(out, arg));
    actions.put("/whoami", (out, arg) -> out.println(host.target()));
    actions.put("/stack", (out, arg) -> stack(out));
    actions.put(
        "/raw", (out, arg) -> out.println(RawView.of(Apimo.client().http().lastExchange())));
    actions.put("/export", (out, arg) -> export(out, arg));
    actions.put("/catalog", (out, arg) -> catalog(out, arg));
    actions.put("/env", (out, arg) -> env(out, arg));
  }

  /** Runs one command line; false means the session should end. */
  boolean run(String line) {
    String[] parts = line.strip().split("\\s+", 2);
    String name = parts[0];
    String arg = parts.length > 1 ? parts[1].strip() : "";
    PrintWriter out = host.out();
    if (name.equals("/exit") || name.equals("/quit")) {
      return false;
    }
    BiConsumer<PrintWriter, String> action = actions.get(name);
    if (action == null) {
      out.println("unknown command " + name + "; /help lists the commands");
    } else {
      action.accept(out, arg);
    }
    out.flush();
    return true;
  }

  private void help(PrintWriter out) {
    out.println("Type Java; the facade is imported: Apimo.agency(14).users()");
    HELP.forEach((k, v) -> out.printf("  %-14s %s%n", k, v));
    out.println(
        "Keys: TAB completes (twice: documentation), Shift+TAB i imports the type before the"
            + " cursor, Shift+TAB v makes the expression a variable, Ctrl-R searches history,"
            + " Ctrl-C stops a running snippet or clears the line, Ctrl-D quits.");
  }

  private void vars(PrintWriter out) {
    JShell jshell = host.engine().jshell();
    jshell
        .variables()
        .filter(v -> jshell.status(v).isActive())
        .forEach(v -> out.println(v.typeName() + " " + v.name() + " = " + jshell.varValue(v)));
  }

  private void open(PrintWriter out, String arg) {
    if (arg.isEmpty()) {
      out.println("usage: /open FILE");
      return;
    }
    try {
      host.run(Files.readString(Path.of(arg)));
    } catch (IOException e) {
      out.println("cannot read " + arg + ": " + e.getMessage());
    }
  }

  private void save(PrintWriter out, String arg) {
    if (arg.isEmpty()) {
      out.println("usage: /save FILE");
      return;
    }
    String text =
        host.engine().userSnippets().stream()
            .map(Snippet::source)
            .map(s -> s.endsWith(";") || s.endsWith("}") ? s : s + ";")
            .collect(Collectors.joining("\n", "", "\n"));
    try {
      Files.writeString(Path.of(arg), text);
      out.println("saved " + host.engine().userSnippets().size() + " snippets to " + arg);
    } catch (IOException e) {
      out.println("cannot write " + arg + ": " + e.getMessage());
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
      default -> out.println("usage: /http on|off (now " + (trace.isOn() ? "on" : "off") + ")");
    }
  }

  private void export(PrintWriter out, String arg) {
    String[] parts = splitLastWord(arg);
    if (parts == null) {
      out.println("usage: /export EXPR FILE   e.g. /export Apimo.agency(14).users() users.csv");
      return;
    }
    String file = parts[1].replace("\\", "\\\\").replace("\"", "\\\"");
    host.run("Apimo.export(" + parts[0] + ", \"" + file + "\")");
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
      host.run("Apimo.catalogs()");
    } else if (name.matches("[a-z][a-z0-9_]*")) {
      host.run("Apimo.catalog(\"" + name + "\").entries()");
    } else {
      out.println("not a catalog name: " + name + " (/catalog lists them)");
    }
  }

  private void env(PrintWriter out, String arg) {
    String[] words = arg.split("\\s+", 2);
    List<String> added = host.engine().classPath();
    if (words.length < 2 || !words[0].equals("--class-path")) {
      out.println(
          "usage: /env --class-path JAR"
              + (added.isEmpty() ? "" : " (added: " + String.join(", ", added) + ")"));
      return;
    }
    try {
      host.engine().addToClassPath(words[1].strip());
      out.println("added to the class path: " + words[1].strip());
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage());
    }
  }

  private void stack(PrintWriter out) {
    Throwable last = host.engine().lastException();
    if (last == null) {
      out.println("no exception yet");
    } else {
      last.printStackTrace(out);
    }
  }
}
