package dev.apimoshell.api;

import dev.apimoshell.http.ApimoException;

/**
 * The server's paging does not add up (it ignores {@code offset}, say); stopping beats looping
 * forever.
 */
public final class PagingException extends ApimoException {
  public PagingException(String message, String target) {
    super(message, "GET", target, 200, "", null);
  }
}
