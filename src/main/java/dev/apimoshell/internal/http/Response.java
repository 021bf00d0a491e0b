package dev.apimoshell.internal.http;

import dev.apimoshell.http.ApimoException;
import dev.apimoshell.internal.text.Sizes;

/**
 * A successful (2xx) response body with the request it answers, so that whoever decodes it can say
 * which request sent something unexpected.
 *
 * @param method {@code GET} or {@code POST}
 * @param target the path and query
 * @param status the HTTP status
 * @param body the decoded body (at most {@link ApimoConfig.Limits#maxBodyBytes()})
 * @param excerpt the body's start on one line, credentials redacted, for messages
 */
public record Response(String method, String target, int status, byte[] body, String excerpt) {

  public Response(String method, String target, int status, byte[] body) {
    this(method, target, status, body, ErrorMessages.excerpt(body));
  }

  /** The exception for a body that is not what the contract promises. */
  public ApimoException malformed(String problem, Throwable cause) {
    return new ApimoException.MalformedResponseException(
        "Apimo sent an unexpected response for "
            + method
            + " "
            + target
            + ": "
            + problem
            + ". Run /raw (or Apimo.client().http().lastExchange()) to see it.",
        method,
        target,
        status,
        excerpt,
        cause);
  }

  @Override
  public String toString() {
    return method + " " + target + " -> " + status + " (" + Sizes.human(body.length) + ")";
  }
}
