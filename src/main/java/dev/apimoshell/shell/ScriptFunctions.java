package dev.apimoshell.shell;

import dev.apimoshell.internal.client.ThreadScope;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The functions scripts and the prompt call by their simple names, {@code exit}, {@code arg} and
 * {@code println}: {@code startup.jsh} imports them statically. They are compiled with the shell
 * rather than declared as snippets, so a session's start compiles none of them (three snippets were
 * a sixth of {@code -e '1+1'}). {@code args} itself stays a snippet variable, one per session;
 * {@link #arg} reads the one of the session whose snippet calls it.
 *
 * <pre>{@code
 * long agency = Long.parseLong(arg(0, "agency id"));
 * println(Apimo.agency(agency).users().count());
 * if (failed) exit(3);
 * }</pre>
 */
public final class ScriptFunctions {

  /** The running snippet's {@code args}, on the snippet's thread and the threads it starts. */
  private static final ThreadScope<Supplier<String[]>> ARGS = new ThreadScope<>();

  private ScriptFunctions() {}

  /**
   * Ends the script with this exit status; at the apimo-shell prompt it is ignored ({@code /exit}
   * leaves). Outside apimo-shell (the JDK's jshell with {@code --startup startup.jsh}) it ends the
   * JVM.
   */
  public static void exit(int status) {
    System.out.flush();
    if (ThreadStreams.inUse()) {
      ExitGuard.exit(status);
    }
    System.exit(status);
  }

  /**
   * A script's argument {@code i} (from 0), or, when it was not given, a usage line naming it and
   * exit status 2: {@code long agency = Long.parseLong(arg(0, "agency id"));}
   */
  public static String arg(int i, String what) {
    Supplier<String[]> scoped = ARGS.get();
    String[] args = scoped == null ? null : scoped.get();
    if (args != null && i >= 0 && i < args.length) {
      return args[i];
    }
    System.out.flush();
    System.err.println(
        "usage: apimo-shell SCRIPT.jsh "
            + "ARG ".repeat(Math.max(0, i))
            + what.toUpperCase(java.util.Locale.ROOT).replace(' ', '_')
            + "   (argument "
            + (i + 1)
            + ", "
            + what
            + ", is missing)");
    exit(2);
    return null;
  }

  /** Shorthand for {@code System.out.println}. */
  public static void println(Object o) {
    System.out.println(o);
  }

  /**
   * Runs a snippet with {@code args} read from {@code args} (the session's variable) by {@link
   * #arg}.
   */
  static <T> T withArgs(Supplier<String[]> args, Callable<T> action) throws Exception {
    return ARGS.call(args, action);
  }
}
