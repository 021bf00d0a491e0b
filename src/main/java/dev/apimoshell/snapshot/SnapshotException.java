package dev.apimoshell.snapshot;

import dev.apimoshell.http.ApimoException;

/**
 * A capture or refresh that could not finish, in one sentence saying what is kept and what to do
 * ("run the same capture again to resume"). The cause is the failure itself.
 */
public final class SnapshotException extends ApimoException {
  SnapshotException(String message) {
    this(message, null);
  }

  SnapshotException(String message, Throwable cause) {
    super(
        message,
        cause instanceof ApimoException a ? a.method() : null,
        cause instanceof ApimoException a ? a.target() : null,
        cause instanceof ApimoException a ? a.status() : 0,
        cause instanceof ApimoException a ? a.bodyExcerpt() : "",
        cause);
  }
}
