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

  private final Terminal terminal;
  private volatile long started = System.nanoTime();
  private volatile boolean shown;

  Progress(Terminal terminal) {
    this.terminal = terminal;
  }

  /** A snippet starts: the clock restarts. */
  void start() {
    started = System.nanoTime();
  }

  @Override
  public void onPage(String path, long fetched, long expected) {
    long elapsed = System.nanoTime() - started;
    if (elapsed < QUIET_NANOS) {
      return;
    }
    terminal.puts(Capability.carriage_return);
    terminal.writer().print(line(path, fetched, expected, elapsed));
    terminal.puts(Capability.clr_eol);
    terminal.flush();
    shown = true;
  }

  /** A paging warning (records past total_items...): one line of its own, kept on screen. */
  @Override
  public void onWarning(String path, String message) {
    terminal.puts(Capability.carriage_return);
    terminal.puts(Capability.clr_eol);
    terminal.writer().println("warning: " + path + ": " + message);
    terminal.flush();
    shown = false;
  }

  /** The snippet ended: the line goes away. */
  void clear() {
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
