package dev.apimoshell.scripting;

/**
 * A snippet called {@code System.exit(n)} (or the shell's {@code exit(n)}): an embedded session
 * refuses to end the JVM and {@link ApimoShell#eval} throws this instead; a script run ends with
 * status {@code n}.
 */
public final class ScriptExit extends RuntimeException {
  private final int status;

  public ScriptExit(int status) {
    super(
        "exit(" + status + ") refused: an embedded session does not end the JVM",
        null,
        false,
        false);
    this.status = status;
  }

  /** The status the snippet asked for. */
  public int status() {
    return status;
  }
}
