package dev.apimoshell.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * The shell's JShell: one session in this JVM (fast start, the facade's default client shared with
 * snippets) that loads {@code startup.jsh} and turns JShell's events into {@link Outcome}s carrying
 * real objects. Each snippet's exit calls are rewritten by {@link ExitGuard} first, so an exit
 * comes back as an outcome ({@link #exitStatus}) instead of ending the JVM.
 */
final class JShellEngine implements AutoCloseable {

  /** System property naming the repository root, set by the launcher. */
  static final String HOME_PROPERTY = "apimo.home";

  private final ThreadStreams.Owner streams;
  private PrintStream out;
  private PrintStream err;
  private final CapturingExecutionControl.Provider provider =
      new CapturingExecutionControl.Provider();
  private final JShell jshell;
  private final SnippetSplitter splitter;
  private final List<Outcome> startupProblems = new ArrayList<>();
  private final java.util.Set<String> startupIds = new java.util.HashSet<>();
  private final java.util.Set<String> failedIds = new java.util.HashSet<>();
  private final Map<String, String> typed = new java.util.HashMap<>();
  private final List<String> classPath = new ArrayList<>();
  private volatile boolean stopped;
  private volatile boolean running;
  private Throwable lastException;
  private List<String> args = List.of();
  private VarSnippet argsSnippet;
  private java.lang.reflect.Field argsField;
  private java.util.function.Supplier<dev.apimoshell.ApimoClient> client;
  private final Map<String, Object> bound = new java.util.concurrent.ConcurrentHashMap<>();
  private final String boundKey = java.util.UUID.randomUUID().toString();

  JShellEngine(PrintStream out, PrintStream err) {
    this(out, err, () -> null);
  }

  /**
   * @param script the text the engine will run (a script, {@code -e} snippets): only the imports of
   *     {@code startup.jsh} it names are compiled now, the others once a snippet needs them; it may
   *     wait for the text (startup.jsh's other snippets compile meanwhile). Null: all now.
   */
  JShellEngine(PrintStream out, PrintStream err, java.util.function.Supplier<String> script) {
    streams = ThreadStreams.acquire();
    // The library tells snapshot progress to a listener; at the prompt and in scripts it is
    // printed, as the snippet's other output (System.out is read at each line: it is captured).
    dev.apimoshell.Apimo.snapshotListener(line -> System.out.println(line));
    this.out = out;
    this.err = err;
    this.jshell = JShell.builder().executionEngine(provider, Map.of()).out(out).err(err).build();
    // Not compilerOptions("--class-path", ...): that would hide what addToClassPath adds later.
    jshell.addToClasspath(System.getProperty("java.class.path"));
    StartupTiming.mark("jshell built");
    this.splitter = new SnippetSplitter(jshell.sourceCodeAnalysis());
    String text = script.get();
    List<String> imports = new ArrayList<>();
    for (SnippetSplitter.Piece piece : splitter.split(startupScript())) {
      if (piece.command()) {
        continue;
      }
      if (IMPORT.matcher(piece.source()).matches()) {
        imports.add(piece.source().strip());
        continue;
      }
      evalStartup(neededNow(imports, text));
      imports.clear();
      evalStartup(List.of(piece.source()));
    }
    evalStartup(neededNow(imports, text));
    jshell.snippets().forEach(s -> startupIds.add(s.id()));
    bindArgs();
  }

  /** Of startup imports, those to compile now; the others are held back until needed. */
  private List<String> neededNow(List<String> imports, String text) {
    if (text == null) {
      return List.copyOf(imports);
    }
    imports.forEach(lazy::add);
    List<String> needed = lazy.takeNeeded(text);
    if (!imports.isEmpty()) {
      StartupTiming.mark(
          "startup.jsh: the script names " + needed.size() + " of " + imports.size() + " imports");
    }
    return needed;
  }

  private final LazyImports lazy = new LazyImports();

  /** Compiles the held-back imports of {@code startup.jsh} that {@code source} names. */
  private void importsFor(String source) {
    startupImports(lazy.takeNeeded(source));
  }

  /** Compiles every held-back import of {@code startup.jsh}. */
  private void importAll() {
    startupImports(lazy.takeAll());
  }

  /**
   * Compiles imports after the session's first snippets: one snippet each, as the user would type
   * them, since JShell re-declares the variables before an import of several, resetting them.
   */
  private void startupImports(List<String> imports) {
    if (imports.isEmpty()) {
      return;
    }
    java.util.Set<String> before = jshell.snippets().map(Snippet::id).collect(Collectors.toSet());
    for (String source : imports) {
      evalStartup(List.of(source));
    }
    jshell.snippets().map(Snippet::id).filter(id -> !before.contains(id)).forEach(startupIds::add);
    if (argsSnippet != null && !argsBound()) {
      bindArgs();
      assignArgs(args);
    }
  }

  /**
   * Finds startup's {@code String[] args} variable, so that {@link #setArgs} assigns it directly
   * (no snippet to compile, a tenth of a second each) and {@link ScriptFunctions#arg} reads it.
   */
  private void bindArgs() {
    jshell
        .variables()
        .filter(v -> jshell.status(v) == Snippet.Status.VALID)
        .filter(v -> v.name().equals("args") && v.typeName().equals("String[]"))
        .findFirst()
        .ifPresent(
            v -> {
              CapturingExecutionControl control = provider.control();
              jshell.varValue(v);
              try {
                java.lang.reflect.Field field = control.staticField(control.lastVarClass(), "args");
                argsSnippet = v;
                argsField = field;
                control.args(this::currentArgs);
              } catch (ReflectiveOperationException | RuntimeException e) {
                // args stays a plain variable, assigned by snippets as before
              }
            });
  }

  /** The value of startup's {@code args} now, or null when a declaration replaced it. */
  private String[] currentArgs() {
    try {
      return argsBound() && argsField.get(null) instanceof String[] a ? a : null;
    } catch (IllegalAccessException e) {
      return null;
    }
  }

  private boolean argsBound() {
    return argsField != null && jshell.status(argsSnippet) == Snippet.Status.VALID;
  }

  /** One import, alone in its snippet after comments: {@code import java.util.*;}. */
  private static final java.util.regex.Pattern IMPORT =
      java.util.regex.Pattern.compile(
          "(?s)(\\s|//[^\n]*\n|/\\*.*?\\*/)*import\\s+(static\\s+)?[\\w.$]+(\\s*\\.\\s*\\*)?\\s*;\\s*");

  private static final java.util.regex.Pattern IMPORT_STATEMENT =
      java.util.regex.Pattern.compile(
          "^\\s*import\\s+(static\\s+)?([\\w.$]+(\\s*\\.\\s*\\*)?)\\s*;",
          java.util.regex.Pattern.MULTILINE);

  /**
   * Evaluates startup snippets; consecutive imports go to JShell as one snippet, which compiles
   * once instead of once per import (a fifth of the start). If that one is rejected, they go one by
   * one, so the faulty import is the one reported.
   */
  private void evalStartup(List<String> sources) {
    if (sources.isEmpty()) {
      return;
    }
    if (sources.size() > 1) {
      List<Outcome> batch = evalNow(String.join("\n", sources));
      if (batch.stream()
          .noneMatch(o -> o instanceof Outcome.Rejected || o instanceof Outcome.Failed)) {
        StartupTiming.mark("startup.jsh: " + sources.size() + " imports");
        return;
      }
    }
    for (String source : sources) {
      for (Outcome o : evalNow(source)) {
        if (o instanceof Outcome.Rejected || o instanceof Outcome.Failed) {
          startupProblems.add(o);
        }
      }
      if (StartupTiming.enabled()) {
        StartupTiming.mark("startup.jsh: " + source.strip().lines().reduce((a, b) -> b).orElse(""));
      }
    }
  }

  /**
   * The imports in force, one per {@code import} statement (startup's imports share a snippet):
   * what {@code /imports} lists, e.g. {@code import java.util.*}.
   */
  List<String> imports() {
    importAll();
    List<String> lines = new ArrayList<>();
    jshell
        .imports()
        .forEach(
            i -> {
              java.util.regex.Matcher m = IMPORT_STATEMENT.matcher(i.source());
              if (!m.find()) {
                lines.add("import " + (i.isStatic() ? "static " : "") + i.fullname());
                return;
              }
              m.reset();
              while (m.find()) {
                lines.add(
                    "import "
                        + (m.group(1) == null ? "" : "static ")
                        + m.group(2).replaceAll("\\s", ""));
              }
            });
    return lines;
  }

  /**
   * Sends what snippets print to {@code out} and {@code err} from now on: an engine warmed up
   * before the terminal existed ({@link EngineWarmup}) then writes to the terminal.
   */
  JShellEngine writingTo(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
    return this;
  }

  /** The active snippets evaluated after startup, oldest first: what {@code /list} shows. */
  List<Snippet> userSnippets() {
    return jshell
        .snippets()
        .filter(s -> !startupIds.contains(s.id()) && jshell.status(s).isActive())
        .toList();
  }

  /** The user's snippets that ran without throwing or being stopped: what {@code /save} writes. */
  List<Snippet> savableSnippets() {
    return userSnippets().stream().filter(s -> !failedIds.contains(s.id())).toList();
  }

  /** The snippet's source as typed (before {@link ExitGuard} rewrote it). */
  String sourceOf(Snippet snippet) {
    return typed.getOrDefault(snippet.id(), snippet.source());
  }

  /** The repository's {@code startup.jsh}, else the copy packed in the jar. */
  static String startupScript() {
    String home = System.getProperty(HOME_PROPERTY);
    if (home != null) {
      Path file = Path.of(home, "startup.jsh");
      if (Files.isRegularFile(file)) {
        try {
          return Files.readString(file);
        } catch (IOException e) {
          // fall back to the packed copy
        }
      }
    }
    try (InputStream in = JShellEngine.class.getResourceAsStream("/startup.jsh")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  List<Outcome> startupProblems() {
    return startupProblems;
  }

  SnippetSplitter splitter() {
    return splitter;
  }

  SourceCodeAnalysis analysis() {
    return jshell.sourceCodeAnalysis();
  }

  JShell jshell() {
    return jshell;
  }

  /**
   * Adds jars or class directories to what snippets compile against and run with, as {@code
   * --class-path} and {@code /env --class-path} do: {@code addToClassPath("lib/extra.jar")}.
   *
   * @param path entries separated by {@code :} ({@code ;} on Windows); {@code dir/*} means its jars
   * @throws IllegalArgumentException naming an entry that does not exist
   */
  void addToClassPath(String path) {
    for (String entry : resolveClassPath(path)) {
      if (!classPath.contains(entry)) {
        jshell.addToClasspath(entry);
        classPath.add(entry);
      }
    }
  }

  /** What {@link #addToClassPath} added, in order: {@code /reset} adds it again. */
  List<String> classPath() {
    return List.copyOf(classPath);
  }

  /**
   * A class path's entries as absolute paths, {@code dir/*} expanded to the jars in it.
   *
   * @throws IllegalArgumentException naming an entry that does not exist
   */
  static List<String> resolveClassPath(String path) {
    List<String> entries = new ArrayList<>();
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      boolean wildcard = entry.endsWith("*");
      Path file = Path.of(wildcard ? entry.substring(0, entry.length() - 1) : entry);
      if (!Files.exists(file)) {
        throw new IllegalArgumentException(
            "no such jar or directory: " + entry + " (give a .jar file or a class directory)");
      }
      if (!wildcard) {
        entries.add(file.toAbsolutePath().normalize().toString());
        continue;
      }
      try (java.util.stream.Stream<Path> jars = Files.list(file)) {
        jars.filter(j -> j.toString().endsWith(".jar"))
            .sorted()
            .forEach(j -> entries.add(j.toAbsolutePath().normalize().toString()));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot list " + file + ": " + e.getMessage());
      }
    }
    return entries;
  }

  /** The last exception a snippet threw, for {@code /stack}. */
  Throwable lastException() {
    return lastException;
  }

  /**
   * Makes {@code failure} what {@code /stack} shows: for failures outside a snippet, such as a
   * value that could not be printed.
   */
  void recordFailure(Throwable failure) {
    lastException = failure;
  }

  /** The status a snippet asked to exit with ({@code System.exit(n)}, {@code exit(n)}), or null. */
  static Integer exitStatus(Outcome outcome) {
    return outcome instanceof Outcome.Failed f && f.exception() instanceof ExitGuard.Request r
        ? r.status()
        : null;
  }

  boolean isRunning() {
    return running;
  }

  /**
   * Sets the startup helper {@code args}, as given on the command line; call it before user input.
   */
  void setArgs(List<String> args) {
    boolean unchanged = this.args.isEmpty() && args.isEmpty();
    this.args = List.copyOf(args);
    if (!unchanged) { // startup.jsh starts with no args
      assignArgs(this.args);
    }
    StartupTiming.mark("args set");
  }

  /** Runs {@code action} with {@code args} set to {@code runArgs}, then restores them. */
  void withArgs(List<String> runArgs, Runnable action) {
    assignArgs(runArgs);
    try {
      action.run();
    } finally {
      assignArgs(args);
    }
  }

  private void assignArgs(List<String> values) {
    if (argsBound()) {
      try {
        argsField.set(null, values.toArray(String[]::new));
        return;
      } catch (IllegalAccessException | RuntimeException e) {
        // assign it with a snippet, below
      }
    }
    String literal =
        values.stream().map(JShellEngine::javaString).collect(Collectors.joining(", "));
    java.util.Set<String> before = jshell.snippets().map(Snippet::id).collect(Collectors.toSet());
    evalOne("args = new String[] {" + literal + "};");
    jshell.snippets().map(Snippet::id).filter(id -> !before.contains(id)).forEach(startupIds::add);
  }

  /**
   * Evaluates one complete snippet (as cut by {@link SnippetSplitter}), with the imports of {@code
   * startup.jsh} it names; if it does not compile while some are still held back, again with all.
   */
  List<Outcome> evalOne(String source) {
    if (lazy.isEmpty()) {
      return evalNow(source);
    }
    importsFor(source);
    List<Outcome> outcomes = evalNow(source);
    if (unresolved && !lazy.isEmpty()) {
      importAll();
      outcomes = evalNow(source);
    }
    return outcomes;
  }

  /** Whether the last snippet did not compile, or compiled waiting for a missing name. */
  private boolean unresolved;

  private List<Outcome> evalNow(String source) {
    unresolved = false;
    ExitGuard.Rewrite rewrite = ExitGuard.rewrite(source);
    CapturingExecutionControl control = provider.control();
    control.reset(streams, out, err, client);
    stopped = false;
    running = true;
    List<SnippetEvent> events;
    try {
      events = jshell.eval(rewrite.text());
    } finally {
      out.flush();
      err.flush();
      running = false;
    }
    if (argsSnippet != null && !argsBound()) {
      bindArgs(); // a declaration replaced args: arg() reads the new one, as a snippet would
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        continue;
      }
      if (event.snippet() != null && !rewrite.edits().isEmpty()) {
        typed.put(event.snippet().id(), rewrite.original());
      }
      Outcome outcome = outcome(event, control, rewrite);
      if ((outcome instanceof Outcome.Failed || outcome instanceof Outcome.Stopped)
          && event.snippet() != null) {
        failedIds.add(event.snippet().id());
      }
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /** Stops the running snippet, if any: the Ctrl-C path. */
  void stop() {
    if (running) {
      stopped = true;
      jshell.stop();
    }
  }

  private Outcome outcome(
      SnippetEvent event, CapturingExecutionControl control, ExitGuard.Rewrite rewrite) {
    Snippet snippet = event.snippet();
    if (stopped) {
      return new Outcome.Stopped();
    }
    if (event.status() == Snippet.Status.REJECTED) {
      unresolved = true;
      return rejected(snippet, rewrite);
    }
    JShellException ex = event.exception();
    if (ex != null) {
      if (ex instanceof UnresolvedReferenceException unresolved) {
        String missing =
            jshell
                .unresolvedDependencies(unresolved.getSnippet())
                .collect(Collectors.joining(", "));
        return new Outcome.Failed(
            null, "UnresolvedReference", "cannot run until this is declared: " + missing);
      }
      Throwable real = control.lastThrown();
      if (real instanceof ExitGuard.Request exit) {
        return new Outcome.Failed(exit, ExitGuard.Request.class.getName(), exit.getMessage());
      }
      if (real != null) {
        lastException = real;
        return new Outcome.Failed(real, real.getClass().getName(), real.getMessage());
      }
      String className =
          ex instanceof EvalException e ? e.getExceptionClassName() : ex.getClass().getName();
      lastException = ex;
      return new Outcome.Failed(null, className, ex.getMessage());
    }
    if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
        || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
      unresolved = true;
      String missing =
          jshell
              .unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
              .collect(Collectors.joining(", "));
      return new Outcome.Done(
          "created " + describe(snippet) + ", usable once this is declared: " + missing);
    }
    if (snippet instanceof VarSnippet var) {
      boolean temporary = var.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
      return new Outcome.Value(
          var.name(), temporary, control.lastValue(), event.value(), var.typeName());
    }
    if (snippet instanceof ExpressionSnippet expression) {
      return new Outcome.Value(
          expression.name(), true, control.lastValue(), event.value(), expression.typeName());
    }
    if (snippet.kind() == Snippet.Kind.STATEMENT || snippet.kind() == Snippet.Kind.IMPORT) {
      return new Outcome.Done(null);
    }
    return new Outcome.Done(
        event.previousStatus() == Snippet.Status.NONEXISTENT
            ? "created " + describe(snippet)
            : "modified " + describe(snippet));
  }

  private Outcome rejected(Snippet snippet, ExitGuard.Rewrite rewrite) {
    List<Diag> diags = jshell.diagnostics(snippet).filter(Diag::isError).toList();
    boolean rewritten = !rewrite.edits().isEmpty() && snippet.source().equals(rewrite.text());
    String typedSource = rewritten ? rewrite.original() : snippet.source();
    if (diags.isEmpty()) {
      return new Outcome.Rejected(typedSource, "the snippet was rejected", -1);
    }
    Diag d = diags.get(0);
    String message = d.getMessage(Locale.ROOT);
    String hint =
        "compiler.err.int.number.too.large".equals(d.getCode())
            ? longHint(snippet.source(), d.getPosition())
            : message.startsWith("incompatible types") && message.contains("&")
                ? UNNAMED_TYPE_HINT
                : typoHint(snippet.source(), message, d.getPosition());
    long position = rewritten ? rewrite.originalPosition(d.getPosition()) : d.getPosition();
    return new Outcome.Rejected(
        typedSource, hint.isEmpty() ? message : message + "\n  " + hint, position);
  }

  /**
   * JShell (the JDK's too) cannot keep a value whose type Java cannot write, such as the list of
   * {@code Map.of("id", 1L, "city", "Cannes")}: its values are an intersection of Long and String.
   */
  static final String UNNAMED_TYPE_HINT =
      "the value's type has no name Java can write (mixed value types): give it one, as in"
          + " Map.<String, Object>of(...) or List<Map<String, Object>> rows = ...";

  /**
   * Apimo's ids outgrow an int ({@code property(5140000001)}): the fix is an {@code L}, which
   * someone pasting an id from a table would not guess.
   */
  private static String longHint(String source, long position) {
    int start = (int) Math.max(0, Math.min(position, source.length()));
    int end = start;
    while (end < source.length() && Character.isDigit(source.charAt(end))) {
      end++;
    }
    String number = end > start ? source.substring(start, end) : "5140000001";
    return "a number this large is a long in Java: end it with L, as in " + number + "L";
  }

  private static final java.util.regex.Pattern MISSING =
      java.util.regex.Pattern.compile(
          "symbol:\\s+(?:method|variable|class)\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*)");

  /**
   * For "cannot find symbol": the names in scope at that place (JShell's completion of the members
   * of the target, or of everything visible) that are near the missing one.
   */
  private String typoHint(String source, String message, long position) {
    java.util.regex.Matcher m = MISSING.matcher(message);
    if (!message.startsWith("cannot find symbol") || !m.find() || position < 0) {
      return "";
    }
    String name = m.group(1);
    int at = source.indexOf(name, (int) Math.max(0, Math.min(position, source.length())));
    if (at < 0) {
      at = source.lastIndexOf(name);
    }
    if (at < 0) {
      return "";
    }
    String code = source.substring(0, at);
    List<String> names =
        jshell.sourceCodeAnalysis().completionSuggestions(code, code.length(), new int[1]).stream()
            .map(s -> s.continuation().replaceAll("[^\\p{L}\\p{N}_$].*", ""))
            .filter(s -> !s.isEmpty())
            .toList();
    return Nearest.hint(name, names);
  }

  private static String describe(Snippet snippet) {
    if (snippet instanceof MethodSnippet m) {
      return "method " + m.name() + "(" + m.parameterTypes() + ")";
    }
    if (snippet instanceof TypeDeclSnippet t) {
      return switch (t.subKind()) {
            case INTERFACE_SUBKIND -> "interface ";
            case ENUM_SUBKIND -> "enum ";
            case RECORD_SUBKIND -> "record ";
            case ANNOTATION_TYPE_SUBKIND -> "annotation ";
            default -> "class ";
          }
          + t.name();
    }
    return snippet.kind().name().toLowerCase(Locale.ROOT);
  }

  static String javaString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * Makes {@code Apimo.*} in this engine's snippets mean the client {@code client} gives on first
   * use (null: the process's default client), without touching the default.
   */
  JShellEngine client(java.util.function.Supplier<dev.apimoshell.ApimoClient> client) {
    this.client = client;
    return this;
  }

  /**
   * Declares variable {@code name} of type {@code type} holding the host's object {@code value}
   * itself (not a copy): {@code bind("agency", AgencyRef.class, client.agency(14))}.
   *
   * @return the outcome: a {@link Outcome.Rejected} when the name or type cannot be declared
   */
  Outcome bind(String name, String type, Object value) {
    bound.put(name, value);
    BoundValues.register(boundKey, bound);
    java.util.Set<String> before = jshell.snippets().map(Snippet::id).collect(Collectors.toSet());
    List<Outcome> outcomes =
        evalOne(
            type
                + " "
                + name
                + " = ("
                + type
                + ") "
                + BoundValues.class.getName()
                + ".get("
                + javaString(boundKey)
                + ", "
                + javaString(name)
                + ");");
    jshell.snippets().map(Snippet::id).filter(id -> !before.contains(id)).forEach(startupIds::add);
    return outcomes.isEmpty() ? new Outcome.Done(null) : outcomes.get(0);
  }

  @Override
  public void close() {
    BoundValues.unregister(boundKey);
    jshell.close();
    ThreadStreams.release(streams);
  }
}
