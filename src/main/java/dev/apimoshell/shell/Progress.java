package dev.apimoshell.shell;

import dev.apimoshell.http.PageListener;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * One line of progress while a long stream or export runs: records fetched of {@code total_items},
 * rate and time left. Quiet for the first second (most snippets end before), drawn on the shell's
 * own terminal, cleared when the snippet ends.
 */
final class Progress implements PageListener {

  private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** The progress drawn last, cleared before any other line is printed ({@link #clearShown()}). */
  private static volatile Progress drawn;

  private final Terminal terminal;
  private volatile long started = System.nanoTime();
  private volatile boolean shown;

  /** The path of a read over many users ({@code users/{@literal *}/actions}) now running. */
  private volatile String overall;

  Progress(Terminal terminal) {
    this.terminal = terminal;
  }

  /** A snippet starts: the clock restarts. */
  void start() {
    started = System.nanoTime();
    overall = null;
  }

  /**
   * Clears the progress line now drawn, if any, so that the next line printed (an {@code /http}
   * line, a warning) starts at the left rather than after {@code (Ctrl-C stops)}.
   */
  static void clearShown() {
    Progress p = drawn;
    if (p != null) {
      p.clear();
    }
  }

  @Override
  public synchronized void onPage(String path, long fetched, long expected) {
    boolean whole = path.contains("/*/");
    if (whole) {
      overall = path;
    } else if (overall != null) {
      return; // one user's pages within a read over every user: the overall line says more
    }
    long elapsed = System.nanoTime() - started;
    if (elapsed < QUIET_NANOS) {
      return;
    }
    terminal.puts(Capability.carriage_return);
    terminal
        .writer()
        .print(
            whole
                ? overallLine(path, fetched, expected, elapsed)
                : line(path, fetched, expected, elapsed));
    terminal.puts(Capability.clr_eol);
    terminal.flush();
    shown = true;
    drawn = this;
  }

  /** The cost of a long read, before it starts: a line of its own, kept on screen. */
  @Override
  public synchronized void onPlan(String path, String plan) {
    start();
    overall = path;
    terminal.puts(Capability.carriage_return);
    terminal.puts(Capability.clr_eol);
    terminal.writer().println(path + ": " + plan + " (Ctrl-C stops)");
    terminal.flush();
    shown = false;
  }

  /** {@code agencies/14/users/{@literal *}/actions: user 13 of 40 (32%), 3 s left}. */
  static String overallLine(String path, long done, long users, long elapsedNanos) {
    var text = new StringBuilder(path).append(": user ").append(done);
    if (users > 0) {
      text.append(" of ").append(users).append(" (").append(done * 100 / users).append("%)");
      if (done > 0 && users > done) {
        long left = (long) Math.ceil(elapsedNanos / 1e9 / done * (users - done));
        text.append(", ").append(left >= 120 ? left / 60 + " min" : left + " s").append(" left");
      }
    }
    return text.append("  (Ctrl-C stops)").toString();
  }

  /** A paging warning (records past total_items...): one line of its own, kept on screen. */
  @Override
  public synchronized void onWarning(String path, String message) {
    terminal.puts(Capability.carriage_return);
    terminal.puts(Capability.clr_eol);
    terminal.writer().println("warning: " + path + ": " + message);
    terminal.flush();
    shown = false;
  }

  /** The snippet ended: the line goes away. */
  synchronized void clear() {
    if (shown) {
      terminal.puts(Capability.carriage_return);
      terminal.puts(Capability.clr_eol);
      terminal.flush();
      shown = false;
    }
  }

  static String line(String path, long fetched, long expected, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    double rate = fetched / Math.max(seconds, 1e-3);
    var text = new StringBuilder(path).append(": ").append(String.format("%,d", fetched));
    if (expected > 0) {
      text.append(" of ")
          .append(String.format("%,d", expected))
          .append(String.format(" (%d%%)", Math.min(100, fetched * 100 / expected)));
    }
    text.append(String.format(", %,.0f/s", rate));
    if (expected > fetched && rate > 0) {
      long left = (long) Math.ceil((expected - fetched) / rate);
      text.append(", ").append(left >= 120 ? left / 60 + " min" : left + " s").append(" left");
    }
    return text.append("  (Ctrl-C stops)").toString();
  }
}
