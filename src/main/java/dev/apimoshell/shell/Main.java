package dev.apimoshell.shell;

import dev.apimoshell.Apimo;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.PageListener;
import dev.apimoshell.http.WriteGuard;
import dev.apimoshell.internal.io.UserDirs;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code apimo-shell}: the command line. Resolves where to connect, then either opens the prompt,
 * evaluates {@code -e} snippets, runs a script file, or runs piped stdin.
 */
@Command(
    name = "apimo-shell",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "An interactive Java prompt with the Apimo facade loaded; also runs saved .jsh scripts.",
      "Configuration: options, then APIMO_BASE_URL / APIMO_PROVIDER / APIMO_TOKEN, then the profile"
          + " file.",
      "Without credentials it starts the embedded sandbox."
    })
public final class Main implements Callable<Integer> {

  @Option(names = "--sandbox", description = "use the embedded sandbox (no credentials needed)")
  boolean sandbox;

  @Option(
      names = "--snapshot",
      paramLabel = "DIR",
      description = "replay a snapshot folder offline in the embedded sandbox (no credentials)")
  Path snapshot;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "API base URL (default " + ApimoConfig.DEFAULT_BASE_URL + ")")
  String baseUrl;

  @Option(
      names = "--record",
      paramLabel = "FILE",
      description = "write a script's inputs, outputs and HTTP lines into a Markdown FILE")
  Path record;

  @Option(names = "--provider", paramLabel = "ID", description = "provider id")
  String provider;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "API token (other users see it in ps: prefer APIMO_TOKEN or a profile)")
  String token;

  @Option(
      names = "--insecure",
      description =
          "allow a plain http:// base URL to a host other than loopback (sends the token in clear)")
  boolean insecure;

  @Option(
      names = "--rate-limit",
      paramLabel = "N",
      description =
          "at most N requests per second, shared by every query (default: APIMO_RATE_LIMIT, the"
              + " profile's rate-limit, else 10; 0: off; the embedded sandbox: its own limit)")
  String rateLimit;

  @Option(
      names = "--sandbox-rate-limit",
      paramLabel = "N",
      description = "the embedded sandbox answers 429 past N requests per second (default: 0, off)")
  Integer sandboxRateLimit;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "read NAME.properties (base-url, provider, token, insecure, rate-limit) from"
              + " $XDG_CONFIG_HOME/apimo-shell or ~/.config/apimo-shell")
  String profile;

  @Option(
      names = "-e",
      paramLabel = "SNIPPET",
      description = "evaluate, print the value, exit (repeatable)")
  List<String> snippets = new ArrayList<>();

  @Option(
      names = {"--class-path", "-cp"},
      paramLabel = "PATH",
      description = "jars or class directories for snippets (separated by ':'; dir/* for its jars)")
  String classPath;

  @Option(
      names = "--yes",
      description = "write (send leads, create actions) without asking, even outside the sandbox")
  boolean yes;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.jsh", description = "script to run")
  Path script;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "the script's args")
  List<String> args = new ArrayList<>();

  private EngineWarmup warmup = EngineWarmup.none();

  /**
   * What the first engine will run, once the command line is read: a script's text, the {@code -e}
   * snippets, or null for a prompt or piped input (the engine then imports all of startup.jsh).
   */
  private final CompletableFuture<String> firstRun = new CompletableFuture<>();

  private java.io.InputStream in = System.in;
  private PrintStream out = System.out;
  private PrintStream err = System.err;
  private java.util.Map<String, String> env = System.getenv();

  /** The shell owns the process: its client becomes the default, its write guard everyone's. */
  private boolean standalone;

  /** Standard input is piped (in process: always), not a console to prompt on. */
  private boolean piped = System.console() == null;

  public static void main(String[] argv) {
    StartupTiming.mark("jvm started, main()");
    useUtf8Output();
    Main main = new Main();
    main.standalone = true;
    main.out = System.out;
    main.err = System.err;
    if (needsEngine(argv)) {
      main.warmup = EngineWarmup.start(System.out, System.err, main.firstRun::join);
    }
    CommandLine cli =
        new CommandLine(main)
            .setStopAtPositional(true)
            .setExecutionExceptionHandler(
                (e, commandLine, parsed) -> {
                  System.err.println("apimo-shell: " + e);
                  return 1;
                });
    int status = cli.execute(argv);
    StartupTiming.mark("done");
    System.out.flush();
    System.err.flush();
    System.exit(status);
  }

  /**
   * The command line in this JVM, on the given streams and environment, as a host or a test drives
   * it: no {@code System.exit}, the default client and the process's write guard left as they were;
   * standard input is read as piped.
   *
   * <pre>
   * {@code int status = Main.execute(new String[] {"--sandbox", "-e", "1 + 1"}, in, out, err, env);}
   * </pre>
   *
   * @return the exit status the process would have
   */
  public static int execute(
      String[] argv,
      java.io.InputStream in,
      PrintStream out,
      PrintStream err,
      java.util.Map<String, String> env) {
    Main main = new Main();
    main.in = in;
    main.out = out;
    main.err = err;
    main.env = java.util.Map.copyOf(env);
    main.piped = true;
    return new CommandLine(main)
        .setStopAtPositional(true)
        .setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8))
        .setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8))
        .setExecutionExceptionHandler(
            (e, commandLine, parsed) -> {
              err.println("apimo-shell: " + e);
              return 1;
            })
        .execute(argv);
  }

  /** All but {@code --help} and {@code --version} run snippets. */
  private static boolean needsEngine(String[] argv) {
    for (String arg : argv) {
      if (!arg.startsWith("-")) {
        return true;
      }
      if (List.of("-h", "--help", "-V", "--version").contains(arg)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Integer call() throws Exception {
    try {
      return start();
    } finally {
      firstRun.complete(null); // on every way out: the warming engine never waits forever
    }
  }

  private int start() throws Exception {
    StartupTiming.mark("command line parsed");
    String scriptText = null;
    if (script != null) {
      try {
        scriptText = Files.readString(script);
      } catch (NoSuchFileException e) {
        err.println("apimo-shell: no such file: " + script);
        return 2;
      } catch (IOException e) {
        err.println(
            "apimo-shell: cannot read "
                + script
                + ": "
                + Commands.why(e)
                + (e instanceof java.nio.charset.CharacterCodingException
                    ? " (save it as UTF-8)"
                    : ""));
        return 2;
      }
    }
    if (classPath != null) {
      try {
        JShellEngine.resolveClassPath(classPath);
      } catch (IllegalArgumentException e) {
        err.println("apimo-shell: --class-path: " + e.getMessage());
        return 2;
      }
    }
    ShellConfig config;
    try {
      config =
          ShellConfig.resolve(
              new ShellConfig.Options(
                  baseUrl,
                  provider,
                  token,
                  profile,
                  sandbox || snapshot != null,
                  insecure,
                  rateLimit,
                  sandboxRateLimit),
              env,
              UserDirs.fromEnvironment().config());
    } catch (ShellConfig.ConfigException e) {
      err.println("apimo-shell: " + e.getMessage());
      return 2;
    }
    config.warnings().forEach(w -> err.println("apimo-shell: " + w));
    StartupTiming.mark("configuration resolved");
    // Connecting (and starting the sandbox) overlaps JShell's start: both take a few hundred ms.
    // A prompt, or a script that names the API, soon reads a page: its readers are built ahead.
    String input = scriptText != null ? scriptText : String.join("\n", snippets);
    firstRun.complete(input.isEmpty() ? null : input);
    // A script that does not name it connects its client only if a snippet uses Apimo.*.
    boolean namesApi = input.isEmpty() || input.contains("Apimo");
    boolean warmUp = standalone && namesApi;
    boolean scriptClient = !input.isEmpty() || piped;
    // Nor does it start the embedded sandbox; a snapshot is checked at once (a bad one: status 2).
    boolean openNow = namesApi || snapshot != null;
    CompletableFuture<Connection> connection = new CompletableFuture<>();
    AtomicBoolean opening = new AtomicBoolean();
    Runnable open =
        () -> {
          if (opening.compareAndSet(false, true)) {
            CompletableFuture.supplyAsync(
                    () ->
                        Connection.open(
                            config, snapshot, standalone && !scriptClient, warmUp, namesApi))
                .whenComplete(
                    (c, e) -> {
                      if (e == null) {
                        connection.complete(c);
                      } else {
                        connection.completeExceptionally(e);
                      }
                    });
          }
        };
    if (openNow) {
      open.run();
    }
    Supplier<Connection> target =
        () -> {
          open.run();
          return connection.join();
        };
    try {
      if (scriptText != null) {
        return runScript(scriptText, script.toString(), Feedback.Mode.SILENT, openNow, target);
      }
      if (!snippets.isEmpty()) {
        return runScript(String.join("\n", snippets), "-e", Feedback.Mode.VALUES, openNow, target);
      }
      if (piped) {
        String stdin = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return runScript(stdin, "<stdin>", Feedback.Mode.VALUES, openNow, target);
      }
      return interactive(config, connection);
    } catch (CompletionException e) {
      err.println(cannotStart(e.getCause()));
      return 2;
    } finally {
      warmup.discard();
      connection.thenAccept(Connection::close);
    }
  }

  private int runScript(
      String text, String name, Feedback.Mode mode, boolean openNow, Supplier<Connection> target)
      throws IOException {
    if (openNow) {
      target.get(); // a sandbox or snapshot that cannot start: one line, status 2, nothing run
      StartupTiming.mark("connection ready");
    }
    if (!standalone || !ScriptRunner.stdoutIsTerminal()) {
      dev.apimoshell.internal.text.TerminalWidth.set(0); // Query.show() to a pipe cuts nothing
    }
    if (record != null) {
      Transcript.start(record, target.get().client().toString(), line -> line);
    }
    WriteGuard guard =
        writeGuard(
            target,
            description -> {
              err.println("apimo-shell: not sent without --yes: " + description);
              return false;
            });
    Apimo.guardWrites(guard);
    try (Terminal stderr = standalone ? stderrTerminal() : null) {
      Progress progress = stderr == null ? null : new Progress(stderr);
      PageListener pages =
          progress != null
              ? progress
              : PageListener.warnings(
                  (path, message) -> err.println("apimo-shell: warning: " + path + ": " + message));
      LazyClient client = new LazyClient(() -> target.get().client().withPageListener(pages));
      if (standalone) {
        Apimo.useDefaultOnFirstUse(client); // for threads outside the session's scope
      }
      StartupTiming.mark("stderr terminal checked");
      ShellSession.Builder builder =
          ShellSession.builder()
              .client(client)
              .writeGuard(guard)
              .out(out)
              .err(err)
              .env(env)
              .engines(streams -> warmup.take(streams[0], streams[1]))
              .progress(progress)
              .policy(
                  standalone && ScriptRunner.stdoutIsTerminal()
                      ? dev.apimoshell.shell.print.PrintPolicy.terminal(
                          dev.apimoshell.shell.print.PrintSettings.DEFAULT_ROWS, columns())
                      : dev.apimoshell.shell.print.PrintPolicy.full());
      if (classPath != null) {
        builder.classPath(classPath);
      }
      try (ShellSession session = builder.build()) {
        session
            .engine()
            .startupProblems()
            .forEach(
                p ->
                    err.println(
                        new Feedback(mode, false, ValuePrinter.plain()).error(p, "startup.jsh: ")));
        int status = session.run(text, name, args, mode).status();
        StartupTiming.mark("script run");
        if (client.failure() != null) {
          err.println(cannotStart(unwrap(client.failure())));
          return 2;
        }
        return status;
      }
    } finally {
      if (!standalone) {
        Apimo.guardWrites(null);
      }
      if (record != null) {
        Transcript.stop();
      }
    }
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  /**
   * JLine's providers that work on Java 17, in its order: without the list it first tries ffm,
   * jansi and jna, each failing with an exception (a tenth of a second).
   */
  private static final String TERMINAL_PROVIDERS = "jni,exec";

  /**
   * False when file descriptor {@code fd} is surely not a terminal (Linux's /proc names a file or a
   * pipe): asking JLine costs a few hundred milliseconds. True when it may be one.
   */
  static boolean maybeTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return true;
    }
  }

  /** The terminal behind stderr, for a progress line; null when stderr is a file or a pipe. */
  private static Terminal stderrTerminal() {
    if (!maybeTerminal(2)) {
      return null;
    }
    try {
      Terminal terminal =
          TerminalBuilder.builder()
              .providers(TERMINAL_PROVIDERS)
              .name("apimo-shell progress")
              .system(true)
              .systemOutput(TerminalBuilder.SystemOutput.SysErr)
              .dumb(true)
              .build();
      if (Terminal.TYPE_DUMB.equals(terminal.getType())
          || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
        terminal.close();
        return null;
      }
      return terminal;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private int interactive(ShellConfig config, CompletableFuture<Connection> connection)
      throws IOException {
    try (Terminal terminal =
        TerminalBuilder.builder()
            .providers(TERMINAL_PROVIDERS)
            .name("apimo-shell")
            .system(true)
            .encoding(StandardCharsets.UTF_8)
            .build()) {
      StartupTiming.mark("terminal built");
      Path history = UserDirs.fromEnvironment().config().resolve("history");
      try {
        Files.createDirectories(history.getParent());
      } catch (IOException e) {
        terminal.writer().println("apimo-shell: no history this time (" + e + ")");
        history = null;
      }
      // Snippets need the client and the write guard, the prompt does not: the first engine waits.
      CompletableFuture<Repl> prompt = new CompletableFuture<>();
      CompletableFuture<Void> wired =
          prompt.thenAcceptBothAsync(
              connection,
              (repl, target) -> {
                if (repl.progress() != null) {
                  Apimo.useDefault(target.client().withPageListener(repl.progress()));
                }
                guardWrites(
                    target, description -> repl.confirm("About to " + description + ". Send?"));
              });
      ShellSession.Builder session =
          ShellSession.builder()
              .lazy()
              .engines(
                  streams -> {
                    JShellEngine engine = warmup.take(streams[0], streams[1]);
                    wired.join();
                    return engine;
                  })
              .args(args)
              .history(history)
              .secret(config.token())
              .target(() -> connection.join().describe())
              .onPrompt(prompt::complete)
              // the sandbox is up; the client may still connect
              .banner(() -> banner(connection.join()));
      if (classPath != null) {
        session.classPath(classPath);
      }
      try (ShellSession shell = session.build()) {
        return shell.interactive(terminal);
      }
    }
  }

  /** The one line said when the connection (or the first engine, which waits for it) failed. */
  static String cannotStart(Throwable cause) {
    return "apimo-shell: "
        + (cause instanceof IllegalArgumentException ? "" : "cannot connect: ")
        + cause.getMessage();
  }

  /**
   * Writes from any client of this process: to the embedded sandbox they go, elsewhere they need
   * {@code --yes} or the user's word.
   */
  private void guardWrites(Connection target, java.util.function.Predicate<String> ask) {
    Apimo.guardWrites(writeGuard(() -> target, ask));
  }

  /** The guard of {@link #guardWrites}; null with {@code --yes}. */
  private WriteGuard writeGuard(
      Supplier<Connection> target, java.util.function.Predicate<String> ask) {
    if (yes) {
      return null;
    }
    return (url, description) ->
        (target.get().isSandbox() && url.equals(URI.create(target.get().client().baseUrl())))
            || ask.test(description);
  }

  /** Table width without a terminal: {@code $COLUMNS} when set, else 120. */
  private int columns() {
    try {
      return Integer.parseInt(env.getOrDefault("COLUMNS", "120").strip());
    } catch (NumberFormatException e) {
      return 120;
    }
  }

  /**
   * What the session will talk to, in lines of at most 80 columns for the usual targets. Nothing
   * has been sent yet, so it says "target", not "connected".
   */
  static String banner(Connection connection) {
    return "apimo-shell "
        + Version.number()
        + ", target: "
        + connection.target()
        + connection
            .snapshotNote()
            .orElse(
                connection.isSandbox()
                    ? "\n  (generated data: no credentials configured; see --help"
                    : "\n  (nothing sent yet: the first query checks the credentials")
        + "; "
        + connection.rateLimit()
        + ")"
        + "\nType Java (Apimo.agency(14).users()), /help for commands, Ctrl-D to quit.";
  }

  /**
   * UTF-8 on stdout and stderr whatever the locale ({@code LANG=C} in cron and containers would
   * print {@code Fran?ois}); scripts and stdin are read as UTF-8 too.
   */
  private static void useUtf8Output() {
    System.setOut(utf8(FileDescriptor.out));
    System.setErr(utf8(FileDescriptor.err));
  }

  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(
        new BufferedOutputStream(new FileOutputStream(fd), 8192), true, StandardCharsets.UTF_8);
  }

  /**
   * {@code --version}: the version from the jar manifest and the Java runtime running it, for a bug
   * report: {@code apimo-shell 0.1.0} then {@code Java 17.0.15+6 (OpenJDK 64-Bit Server VM,
   * Debian)}.
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "apimo-shell " + number(),
        "Java "
            + Runtime.version()
            + " ("
            + System.getProperty("java.vm.name")
            + ", "
            + System.getProperty("java.vendor")
            + ")"
      };
    }

    static String number() {
      String v = Main.class.getPackage().getImplementationVersion();
      return v == null ? "dev" : v;
    }
  }
}
