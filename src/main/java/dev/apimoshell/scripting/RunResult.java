package dev.apimoshell.scripting;

/**
 * What running a script came to.
 *
 * @param status 0; 1 after an uncaught exception, a compile error or a failed command; {@code n}
 *     after {@code exit(n)}, {@code System.exit(n)} or {@code /exit n}
 * @param failure what ended it: the exception a snippet threw, a {@link ScriptExit} for an exit, or
 *     null (success, a compile error, a failed command: see {@code problem})
 * @param problem the error message as the shell prints it ({@code test.jsh:3: ...}), or null
 * @param output what the script printed on the session's out
 */
public record RunResult(int status, Throwable failure, String problem, String output) {

  /** True when the script ran to its end or exited with status 0. */
  public boolean ok() {
    return status == 0;
  }
}
