package dev.apimoshell.shell;

import dev.apimoshell.Apimo;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.WriteGuard;
import dev.apimoshell.shell.print.PrintPolicy;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;

/**
 * One shell session (a JShell in this JVM with the facade loaded) on its own streams and its own
 * client: what the command line and the public {@code dev.apimoshell.scripting.ApimoShell} both
 * drive. Nothing of it touches the host's global state: {@code Apimo.*} in its snippets means its
 * client, what they print goes to its streams (see {@link ThreadStreams}), {@code System.exit} in
 * them is refused (see {@link ExitGuard}), and no process-wide write guard is installed.
 *
 * <pre>{@code
 * try (ShellSession s = ShellSession.builder().client(client).bind("agency", client.agency(14)).build()) {
 *   Object n = s.eval("agency.users().count()");
 * }
 * }</pre>
 */
public final class ShellSession implements AutoCloseable {

  /** What a run of a script came to: its exit status, what ended it, what it printed on out. */
  public record Result(int status, Throwable failure, String problem, String output) {}

  private final Builder config;
  private JShellEngine engine;
  private boolean closed;

  private ShellSession(Builder config, JShellEngine engine) {
    this.config = config;
    this.engine = engine;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How a session is made; every setting is optional. */
  public static final class Builder {
    private Supplier<ApimoClient> client;
    private final Map<String, Map.Entry<String, Object>> bindings = new LinkedHashMap<>();
    private final List<String> imports = new ArrayList<>();
    private final List<String> classPath = new ArrayList<>();
    private InputStream in = InputStream.nullInputStream();
    private PrintStream out = System.out;
    private PrintStream err = System.err;
    private Map<String, String> env = Map.of();
    private Path history;
    private WriteGuard writeGuard;
    private Supplier<String> banner = () -> null;
    private String secret;
    private Supplier<String> target;
    private Consumer<Repl> onPrompt = repl -> {};
    private boolean lazy;
    private List<String> args = List.of();
    private Function<PrintStream[], JShellEngine> engines =
        streams -> new JShellEngine(streams[0], streams[1]);
    private Function<Integer, PrintPolicy> policy = width -> PrintPolicy.full();
    private Progress progress;
    private Feedback.Mode mode = Feedback.Mode.VALUES;

    private Builder() {}

    /** The client {@code Apimo.*} means in the session; by default the process's default. */
    public Builder client(ApimoClient client) {
      this.client = client == null ? null : () -> client;
      return this;
    }

    /**
     * The client {@code Apimo.*} means in the session, made when a snippet first uses it: the
     * command line's scripts start before their client is connected.
     */
    Builder client(LazyClient client) {
      this.client = client;
      return this;
    }

    /** Declares {@code name} in the session holding {@code value}, typed as its public type. */
    public Builder bind(String name, Object value) {
      return bind(name, publicType(value), value);
    }

    /** Declares {@code name} of type {@code type} holding {@code value}. */
    public Builder bind(String name, Class<?> type, Object value) {
      bindings.put(name, Map.entry(type.getCanonicalName(), value));
      return this;
    }

    /** Extra imports: {@code "java.time.*"} or {@code "static java.lang.Math.max"}. */
    public Builder imports(String... imports) {
      this.imports.addAll(List.of(imports));
      return this;
    }

    /** Jars or class directories snippets compile and run against ({@code dir/*}: its jars). */
    public Builder classPath(String... entries) {
      this.classPath.addAll(List.of(entries));
      return this;
    }

    public Builder in(InputStream in) {
      this.in = in;
      return this;
    }

    public Builder out(PrintStream out) {
      this.out = out;
      return this;
    }

    public Builder err(PrintStream err) {
      this.err = err;
      return this;
    }

    /** The environment commands read ({@code $EDITOR} for {@code /edit}, {@code $COLUMNS}). */
    public Builder env(Map<String, String> env) {
      this.env = Map.copyOf(env);
      return this;
    }

    /** Where the prompt keeps its history; null (the default) keeps none. */
    public Builder history(Path file) {
      this.history = file;
      return this;
    }

    /** Asked before each write of the session's client (set on that client). */
    public Builder writeGuard(WriteGuard guard) {
      this.writeGuard = guard;
      return this;
    }

    /** The text the prompt shows first; null for none. */
    public Builder banner(String banner) {
      this.banner = () -> banner;
      return this;
    }

    /**
     * The banner, asked for once the line reader is built (the command line's waits to connect).
     */
    Builder banner(Supplier<String> banner) {
      this.banner = banner;
      return this;
    }

    /** A string never stored in the prompt's history (the token). */
    Builder secret(String secret) {
      this.secret = secret;
      return this;
    }

    /** What {@code /status} says the session talks to; by default the client's URL. */
    Builder target(Supplier<String> target) {
      this.target = target;
      return this;
    }

    /** Told of the prompt as soon as it exists, before its first engine is ready. */
    Builder onPrompt(Consumer<Repl> onPrompt) {
      this.onPrompt = onPrompt;
      return this;
    }

    /**
     * Builds no engine until the prompt needs one: the command line shows its prompt while the
     * engine starts. Such a session is for {@link #interactive} only.
     */
    Builder lazy() {
      this.lazy = true;
      return this;
    }

    /** The session's {@code args} (a script run sets its own for its length). */
    public Builder args(List<String> args) {
      this.args = List.copyOf(args);
      return this;
    }

    /** How scripts show values: {@code -e} and stdin print expressions, files print nothing. */
    Builder mode(Feedback.Mode mode) {
      this.mode = mode;
      return this;
    }

    /** Where the engine comes from (the command line's warmed-up one). */
    Builder engines(Function<PrintStream[], JShellEngine> engines) {
      this.engines = engines;
      return this;
    }

    /** How much of a value a script prints (in full, unless stdout is a terminal). */
    Builder policy(PrintPolicy policy) {
      this.policy = width -> policy;
      return this;
    }

    Builder progress(Progress progress) {
      this.progress = progress;
      return this;
    }

    /**
     * Starts the engine (a second or two): {@code startup.jsh}, the imports, the class path and the
     * bindings.
     *
     * @throws IllegalArgumentException when an import, a class path entry or a binding cannot be
     *     declared, in one line
     */
    public ShellSession build() {
      if (writeGuard != null && client != null) {
        Supplier<ApimoClient> unguarded = client;
        WriteGuard guard = writeGuard;
        client = new LazyClient(() -> unguarded.get().withWriteGuard(guard));
      }
      ShellSession session = new ShellSession(this, null);
      if (!lazy) {
        session.engine = session.newEngine(out, err);
      }
      return session;
    }
  }

  /** A fresh engine with this session's client, class path, imports and bindings. */
  private JShellEngine newEngine(PrintStream out, PrintStream err) {
    JShellEngine fresh = config.engines.apply(new PrintStream[] {out, err}).client(config.client);
    try {
      config.classPath.forEach(fresh::addToClassPath);
      for (String i : config.imports) {
        check(
            fresh.evalOne(
                "import " + i.replaceFirst("^import\\s+", "").replaceAll(";$", "") + ";"));
      }
      config.bindings.forEach(
          (name, typed) -> check(List.of(fresh.bind(name, typed.getKey(), typed.getValue()))));
      if (!config.args.isEmpty()) {
        fresh.setArgs(config.args);
      }
      return fresh;
    } catch (RuntimeException e) {
      fresh.close();
      throw e;
    }
  }

  private static void check(List<Outcome> outcomes) {
    Feedback feedback = new Feedback(Feedback.Mode.SILENT, false, ValuePrinter.plain());
    for (Outcome o : outcomes) {
      String error = feedback.error(o, "");
      if (!error.isEmpty()) {
        throw new IllegalArgumentException(error);
      }
    }
  }

  /** The most specific public type of {@code value}: its class, else an interface, else Object. */
  static Class<?> publicType(Object value) {
    if (value == null) {
      return Object.class;
    }
    for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      if (Modifier.isPublic(c.getModifiers()) && c.getCanonicalName() != null) {
        return c;
      }
      for (Class<?> i : c.getInterfaces()) {
        if (Modifier.isPublic(i.getModifiers())) {
          return i;
        }
      }
    }
    return Object.class;
  }

  /**
   * Evaluates Java (one snippet or several) and returns the value of the last expression or
   * variable, the object itself; nothing is printed but what the snippets print.
   *
   * @throws IllegalArgumentException for code that does not compile, with the compiler's message
   * @throws ExitGuard.Request for {@code System.exit(n)}: refused, the JVM goes on
   */
  public Object eval(String code) {
    ScriptRunner runner =
        new ScriptRunner(
                engine,
                new Feedback(Feedback.Mode.SILENT, false, ValuePrinter.plain()),
                config.out,
                config.err,
                PrintPolicy.full(),
                null)
            .quiet(true);
    int status = scoped(() -> runner.run(code, "eval"));
    if (status == 0) {
      return runner.lastValue();
    }
    if (runner.failure() != null) {
      throw Sneaky.<RuntimeException>raise(runner.failure());
    }
    throw new IllegalArgumentException(
        runner.problem() == null ? "eval failed with status " + status : runner.problem());
  }

  /**
   * Runs a script's text as a file would run, with {@code args} set for its length: what it prints
   * goes to the session's out (and into the result), its errors to err.
   *
   * @param name the file's name in error messages
   */
  public Result run(String text, String name, List<String> args) {
    return run(text, name, args, config.mode);
  }

  Result run(String text, String name, List<String> args, Feedback.Mode mode) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream tee = new PrintStream(new Tee(config.out, printed), true, StandardCharsets.UTF_8);
    ScriptRunner runner =
        new ScriptRunner(
            engine,
            new Feedback(mode, false, Printers.standard()),
            tee,
            config.err,
            config.policy.apply(0),
            config.progress);
    engine.writingTo(tee, config.err);
    int[] status = new int[1];
    try {
      scoped(
          () -> {
            engine.withArgs(args, () -> status[0] = runner.run(text, name));
            return null;
          });
    } finally {
      tee.flush();
      engine.writingTo(config.out, config.err);
    }
    return new Result(
        status[0], runner.failure(), runner.problem(), printed.toString(StandardCharsets.UTF_8));
  }

  /**
   * Opens the prompt on {@code terminal} until Ctrl-D or {@code /exit}; {@code System.exit} at it
   * is refused. The prompt ends the session: it is closed on return.
   *
   * @return the exit status: 0, or 2 when the session could not start
   */
  public int interactive(Terminal terminal) {
    JShellEngine first = engine;
    boolean[] taken = {false};
    try (Repl repl =
        new Repl(
            terminal,
            stream -> {
              if (!taken[0] && first != null) {
                taken[0] = true;
                return first.writingTo(stream, stream);
              }
              return newEngine(stream, stream);
            },
            Printers.standard(),
            config.target != null ? config.target : this::target,
            config.history,
            config.secret)) {
      engine = null;
      config.onPrompt.accept(repl);
      StartupTiming.mark("line reader built");
      String banner = config.banner.get();
      if (banner != null) {
        terminal.writer().println(banner);
        terminal.writer().flush();
      }
      StartupTiming.mark("prompt");
      return scoped(repl::run);
    } finally {
      closed = true;
    }
  }

  private String target() {
    ApimoClient client = config.client != null ? config.client.get() : Apimo.client();
    return client.baseUrl() + " as provider " + client.provider();
  }

  /**
   * Declares (or redeclares) {@code name} holding {@code value} itself, typed as its public type:
   * what a JSR-223 engine's bindings become before each evaluation.
   *
   * @throws IllegalArgumentException when the name is not a Java identifier or the type cannot be
   *     named
   */
  public void bind(String name, Object value) {
    config.bindings.put(name, Map.entry(publicType(value).getCanonicalName(), value));
    scoped(
        () -> {
          check(List.of(engine.bind(name, publicType(value).getCanonicalName(), value)));
          return null;
        });
  }

  /** Sends what snippets print to {@code out} and {@code err} from now on. */
  public void streams(PrintStream out, PrintStream err) {
    config.out = out;
    config.err = err;
    engine.writingTo(out, err);
  }

  /** The engine (tests, the command line's commands). */
  JShellEngine engine() {
    return engine;
  }

  /** Runs {@code action} with {@code Apimo.*} meaning the session's client on this thread. */
  private <T> T scoped(Callable<T> action) {
    try {
      return Apimo.withClientOnFirstUse(config.client, action);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw Sneaky.<RuntimeException>raise(e);
    }
  }

  @Override
  public void close() {
    if (!closed && engine != null) {
      engine.close();
    }
    closed = true;
  }

  /** Writes to two streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }

    @Override
    public void flush() throws java.io.IOException {
      a.flush();
      b.flush();
    }
  }

  /** Rethrows a checked exception as it is: eval throws what the snippet threw. */
  private static final class Sneaky {
    @SuppressWarnings("unchecked")
    static <E extends Throwable> E raise(Throwable t) throws E {
      throw (E) t;
    }
  }
}
