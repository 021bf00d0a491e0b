package dev.apimoshell.shell;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * Where the start-up time goes: with {@code APIMO_SHELL_TIMING=1} each phase prints one line to
 * stderr, milliseconds since the launcher started (or the JVM, without the launcher), the gap since
 * the previous mark and the thread that marked it:
 *
 * <pre>
 * apimo-shell: timing   412 ms  +35  jshell built [main]
 * </pre>
 *
 * Off, a mark costs one field read.
 */
final class StartupTiming {

  /** Environment variable switching the timer on. */
  static final String SWITCH = "APIMO_SHELL_TIMING";

  /** Set by the launcher: when it started, as bash's {@code $EPOCHREALTIME} (seconds.micros). */
  static final String ORIGIN = "APIMO_SHELL_T0";

  /** Set by the launcher: when it handed over to java, same format. */
  static final String LAUNCHED = "APIMO_SHELL_T1";

  private static final StartupTiming OFF = new StartupTiming(null, 0);
  private static volatile StartupTiming current = fromEnvironment(System.getenv());

  private final PrintStream err;
  private final long originMicros;
  private long lastMicros;

  private StartupTiming(PrintStream err, long originMicros) {
    this.err = err;
    this.originMicros = originMicros;
    this.lastMicros = originMicros;
  }

  static StartupTiming fromEnvironment(Map<String, String> env) {
    String on = env.get(SWITCH);
    if (on == null || on.isBlank() || on.equals("0")) {
      return OFF;
    }
    StartupTiming timing = new StartupTiming(System.err, origin(env.get(ORIGIN)));
    Long launched = epochMicros(env.get(LAUNCHED));
    if (launched != null && env.get(ORIGIN) != null) {
      timing.print("launcher script (build check, archive check)", launched);
    }
    return timing;
  }

  /** The launcher's start, else the process's start, else now. */
  private static long origin(String launcher) {
    Long micros = epochMicros(launcher);
    if (micros != null) {
      return micros;
    }
    return ProcessHandle.current()
        .info()
        .startInstant()
        .map(StartupTiming::micros)
        .orElseGet(() -> micros(Instant.now()));
  }

  /** Bash's {@code $EPOCHREALTIME} in microseconds, or null. */
  private static Long epochMicros(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Math.round(Double.parseDouble(value.strip().replace(',', '.')) * 1e6);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
  }

  /** Records that {@code phase} has just ended, e.g. {@code mark("sandbox started")}. */
  static void mark(String phase) {
    StartupTiming timing = current;
    if (timing.err != null) {
      timing.print(phase);
    }
  }

  /** Whether marks print: callers skip work done only to name a phase. */
  static boolean enabled() {
    return current.err != null;
  }

  /** For tests: prints to {@code err} from now on, or stops printing when null. */
  static void redirect(PrintStream err) {
    current = err == null ? OFF : new StartupTiming(err, micros(Instant.now()));
  }

  private void print(String phase) {
    print(phase, micros(Instant.now()));
  }

  private synchronized void print(String phase, long now) {
    err.printf(
        "apimo-shell: timing %5d ms %+5d  %s [%s]%n",
        (now - originMicros) / 1000,
        (now - lastMicros) / 1000,
        phase,
        Thread.currentThread().getName());
    err.flush();
    lastMicros = now;
  }
}
