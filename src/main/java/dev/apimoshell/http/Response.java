package dev.apimoshell.http;

/**
 * A successful (2xx) response body with the request it answers, so that whoever decodes it can say
 * which request sent something unexpected.
 */
public record Response(String method, String target, int status, byte[] body) {

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
        ErrorMessages.excerpt(body),
        cause);
  }

  @Override
  public String toString() {
    return method + " " + target + " -> " + status + " (" + body.length + " B)";
  }
}
