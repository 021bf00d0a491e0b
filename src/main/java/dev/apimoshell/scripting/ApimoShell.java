package dev.apimoshell.scripting;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.WriteGuard;
import dev.apimoshell.shell.ExitGuard;
import dev.apimoshell.shell.ShellSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * The shell inside a Java program: a JShell session with the Apimo facade loaded, on the host's own
 * streams and client, that gives back real values. {@code Apimo.*} in its snippets means the
 * session's client, what they print goes to the session's out (a host thread printing meanwhile is
 * not captured), {@code System.exit} is refused, and the host's default client, write guard and
 * {@code System.out} stay as they were. Sessions are independent: two live side by side.
 *
 * <pre>{@code
 * try (ApimoShell shell = ApimoShell.builder()
 *     .client(client)
 *     .bind("agency", client.agency(14))
 *     .out(myOut)
 *     .build()) {
 *   List<User> users = (List<User>) shell.eval("agency.users().list()");
 *   RunResult r = shell.run(Path.of("report.jsh"), "2024");   // r.status(), r.output()
 * }
 * }</pre>
 */
public final class ApimoShell implements AutoCloseable {

  private final ShellSession session;

  private ApimoShell(ShellSession session) {
    this.session = session;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The settings of a session; all optional. */
  public static final class Builder {
    private final ShellSession.Builder session = ShellSession.builder();
    private InputStream in = System.in;
    private PrintStream out = System.out;

    private Builder() {}

    /** The client {@code Apimo.*} means in the session (any client; the default if not set). */
    public Builder client(ApimoClient client) {
      session.client(client);
      return this;
    }

    /** A variable of the session holding {@code value} itself, typed as its public type. */
    public Builder bind(String name, Object value) {
      session.bind(name, value);
      return this;
    }

    /** A variable of the session of type {@code type} holding {@code value}. */
    public <T> Builder bind(String name, Class<T> type, T value) {
      session.bind(name, type, value);
      return this;
    }

    /** Imports beyond the facade's: {@code imports("java.time.*")}. */
    public Builder imports(String... imports) {
      session.imports(imports);
      return this;
    }

    /** Jars or class directories for snippets ({@code dir/*}: its jars). */
    public Builder classPath(String... entries) {
      session.classPath(entries);
      return this;
    }

    /** What {@link #interactive()} reads; {@code System.in} by default. */
    public Builder in(InputStream in) {
      this.in = in;
      session.in(in);
      return this;
    }

    /** Where snippets' output and values go; {@code System.out} by default. */
    public Builder out(PrintStream out) {
      this.out = out;
      session.out(out);
      return this;
    }

    /** Where errors go; {@code System.err} by default. */
    public Builder err(PrintStream err) {
      session.err(err);
      return this;
    }

    /** The environment the session's commands read ({@code EDITOR}, {@code COLUMNS}). */
    public Builder env(Map<String, String> env) {
      session.env(env);
      return this;
    }

    /** Where the prompt keeps its history; none by default. */
    public Builder history(Path file) {
      session.history(file);
      return this;
    }

    /** Asked before each write of the session's client; the client's own guard otherwise. */
    public Builder writeGuard(WriteGuard guard) {
      session.writeGuard(guard);
      return this;
    }

    /** What the prompt shows first. */
    public Builder banner(String banner) {
      session.banner(banner);
      return this;
    }

    /**
     * Starts the session's engine (a second or two).
     *
     * @throws IllegalArgumentException when an import, class path entry or binding is wrong
     */
    public ApimoShell build() {
      ApimoShell shell = new ApimoShell(session.build());
      shell.in = in;
      shell.out = out;
      return shell;
    }
  }

  private InputStream in;
  private PrintStream out;

  /**
   * Evaluates Java and returns the value of the last expression, the object itself: {@code
   * eval("agency.users().list()")} is a {@code List<User>}.
   *
   * @throws IllegalArgumentException when the code does not compile, with the compiler's words
   * @throws ScriptExit for {@code System.exit(n)}: refused
   * @throws RuntimeException (or any exception) the snippet threw, itself
   */
  public Object eval(String code) {
    try {
      return session.eval(code);
    } catch (ExitGuard.Request exit) {
      throw new ScriptExit(exit.status());
    }
  }

  /**
   * Declares (or redeclares) {@code name} holding {@code value} itself, from now on: {@code
   * bind("done", latch)}.
   *
   * @throws IllegalArgumentException when the name is not a Java identifier
   */
  public void bind(String name, Object value) {
    session.bind(name, value);
  }

  /**
   * Runs a {@code .jsh} file with {@code args}, as the command line runs one: stops at the first
   * failure (reported on err with file and line); an exit gives its status.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public RunResult run(Path script, String... args) {
    String text;
    try {
      text = Files.readString(script, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + script + ": " + e.getMessage(), e);
    }
    return run(text, script.toString(), args);
  }

  /** Runs a script's text; {@code name} names it in error messages. */
  public RunResult run(String text, String name, String... args) {
    ShellSession.Result r = session.run(text, name, List.of(args));
    Throwable failure =
        r.failure() instanceof ExitGuard.Request exit ? new ScriptExit(exit.status()) : r.failure();
    return new RunResult(r.status(), failure, r.problem(), r.output());
  }

  /**
   * The prompt on {@code terminal} until Ctrl-D or {@code /exit}; {@code System.exit} at it is
   * refused. The session ends with it.
   *
   * @return 0, or 2 when the session could not start
   */
  public int interactive(Terminal terminal) {
    return session.interactive(terminal);
  }

  /** The prompt on the session's in and out (a dumb terminal when they are not a console). */
  public int interactive() {
    // A dumb terminal on the host's streams: no line discipline thread echoing what is typed ahead,
    // and what snippets print goes straight to `out`.
    try (Terminal terminal =
        new DumbTerminal("apimo-shell", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8)) {
      return interactive(terminal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
