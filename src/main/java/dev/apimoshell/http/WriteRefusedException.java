package dev.apimoshell.http;

/**
 * A write that was not sent because the client's {@link WriteGuard} refused it (the shell asks the
 * user; a program sets its own guard with {@code ApimoClient.builder().writeGuard(...)}).
 *
 * <pre>{@code
 * try { agency.createLead(lead); } catch (WriteRefusedException e) { log(e.getMessage()); }
 * }</pre>
 */
public final class WriteRefusedException extends ApimoException {
  public WriteRefusedException(String message, String target) {
    super(message, "POST", target, 0, "", null);
  }
}
