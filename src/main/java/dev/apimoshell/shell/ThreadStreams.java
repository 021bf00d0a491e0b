package dev.apimoshell.shell;

import dev.apimoshell.internal.client.ThreadScope;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * What a snippet prints goes to its own session, without swapping {@code System.out} for the whole
 * process while it runs: while at least one engine is open, {@code System.out} and {@code
 * System.err} are streams that send the writes of a snippet's thread, and of the threads it starts,
 * to that session's streams (until the session closes) and every other thread's writes where they
 * went before. A host thread printing while a snippet runs is not captured; two sessions side by
 * side each get their own output. The JVM's shared fork-join workers (parallel streams) print to
 * the host's streams: they serve every session and the host alike.
 *
 * <pre>{@code
 * ThreadStreams.Owner session = ThreadStreams.acquire();
 * ThreadStreams.call(session, sessionOut, sessionErr, () -> { System.out.println("to the session"); return null; });
 * ThreadStreams.release(session);
 * }</pre>
 */
final class ThreadStreams {

  private static final ThreadScope<Route> ROUTE = new ThreadScope<>();
  private static int users;
  private static Router out;
  private static Router err;

  private ThreadStreams() {}

  /** A session's claim on the routing; its threads' writes go back to the host once released. */
  static final class Owner {
    private volatile boolean open = true;
  }

  /** An engine opens: routing is installed if it is not yet. */
  static synchronized Owner acquire() {
    if (users++ == 0 || !(System.out instanceof Router) || !(System.err instanceof Router)) {
      if (!(System.out instanceof Router)) {
        out = new Router(System.out, 0);
        System.setOut(out);
      }
      if (!(System.err instanceof Router)) {
        err = new Router(System.err, 1);
        System.setErr(err);
      }
    }
    return new Owner();
  }

  /** Whether an engine is open in this JVM: its snippets' exit calls must not end the JVM. */
  static synchronized boolean inUse() {
    return users > 0;
  }

  /** An engine closes: the last one puts the host's streams back, unless the host replaced ours. */
  static synchronized void release(Owner owner) {
    owner.open = false;
    if (users == 0 || --users > 0) {
      return;
    }
    if (System.out == out) {
      System.setOut(out.host);
    }
    if (System.err == err) {
      System.setErr(err.host);
    }
    out = null;
    err = null;
  }

  /**
   * Runs {@code action} on this thread, and the threads it starts, with {@code System.out} and
   * {@code System.err} routed to {@code toOut} and {@code toErr} while {@code owner} is open.
   */
  static <T> T call(Owner owner, PrintStream toOut, PrintStream toErr, Callable<T> action)
      throws Exception {
    return ROUTE.call(new Route(owner, unwrap(toOut), unwrap(toErr)), action);
  }

  /** {@code System.out} itself, given as a session's stream, means the host's stream behind it. */
  private static PrintStream unwrap(PrintStream stream) {
    return stream instanceof Router router ? router.host : stream;
  }

  private record Route(Owner owner, PrintStream out, PrintStream err) {}

  /** A {@code System.out} or {@code System.err} that writes to this thread's session, if any. */
  private static final class Router extends PrintStream {
    private final PrintStream host;
    private final int which;

    Router(PrintStream host, int which) {
      super(host, true);
      this.host = host;
      this.which = which;
    }

    private PrintStream target() {
      Route route = ROUTE.get();
      if (route == null || !route.owner().open) {
        return host;
      }
      return which == 0 ? route.out() : route.err();
    }

    @Override
    public void write(int b) {
      target().write(b);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      target().write(buf, off, len);
    }

    @Override
    public void flush() {
      target().flush();
    }

    @Override
    public void close() {
      target().close();
    }

    @Override
    public boolean checkError() {
      return target().checkError();
    }

    @Override
    public void print(boolean b) {
      target().print(b);
    }

    @Override
    public void print(char c) {
      target().print(c);
    }

    @Override
    public void print(int i) {
      target().print(i);
    }

    @Override
    public void print(long l) {
      target().print(l);
    }

    @Override
    public void print(float f) {
      target().print(f);
    }

    @Override
    public void print(double d) {
      target().print(d);
    }

    @Override
    public void print(char[] s) {
      target().print(s);
    }

    @Override
    public void print(String s) {
      target().print(s);
    }

    @Override
    public void print(Object obj) {
      target().print(obj);
    }

    @Override
    public void println() {
      target().println();
    }

    @Override
    public void println(boolean x) {
      target().println(x);
    }

    @Override
    public void println(char x) {
      target().println(x);
    }

    @Override
    public void println(int x) {
      target().println(x);
    }

    @Override
    public void println(long x) {
      target().println(x);
    }

    @Override
    public void println(float x) {
      target().println(x);
    }

    @Override
    public void println(double x) {
      target().println(x);
    }

    @Override
    public void println(char[] x) {
      target().println(x);
    }

    @Override
    public void println(String x) {
      target().println(x);
    }

    @Override
    public void println(Object x) {
      target().println(x);
    }

    @Override
    public PrintStream printf(String format, Object... args) {
      target().printf(format, args);
      return this;
    }

    @Override
    public PrintStream printf(Locale l, String format, Object... args) {
      target().printf(l, format, args);
      return this;
    }

    @Override
    public PrintStream format(String format, Object... args) {
      target().format(format, args);
      return this;
    }

    @Override
    public PrintStream format(Locale l, String format, Object... args) {
      target().format(l, format, args);
      return this;
    }

    @Override
    public PrintStream append(CharSequence csq) {
      target().append(csq);
      return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
      target().append(csq, start, end);
      return this;
    }

    @Override
    public PrintStream append(char c) {
      target().append(c);
      return this;
    }
  }
}
