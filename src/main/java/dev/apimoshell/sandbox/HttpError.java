package dev.apimoshell.sandbox;

/**
 * A request the sandbox refuses: the status to answer and the short message of the JSON error body.
 */
final class HttpError extends RuntimeException {

  private final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  static HttpError notFound(String message) {
    return new HttpError(404, message);
  }
}
