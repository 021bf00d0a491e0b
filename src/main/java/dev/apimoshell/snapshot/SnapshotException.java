package dev.apimoshell.snapshot;

/**
 * A capture or refresh that could not finish, in one sentence saying what is kept and what to do
 * ("run the same capture again to resume"). The cause is the failure itself.
 */
public final class SnapshotException extends RuntimeException {
  SnapshotException(String message) {
    super(message);
  }

  SnapshotException(String message, Throwable cause) {
    super(message, cause);
  }
}
