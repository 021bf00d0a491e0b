package dev.apimoshell.http;

/**
 * Anything that went wrong talking to Apimo, with a message that says what to do.
 *
 * <p>Carries the request ({@link #method()} and {@link #target()}, the path with its query) and,
 * for an HTTP error, the {@link #status()} and a short excerpt of the body. Never the token.
 * Subclasses let a script catch one kind:
 *
 * <pre>{@code
 * try { agency.users().list(); } catch (NotFoundException e) { ... }
 * }</pre>
 */
public class ApimoException extends RuntimeException {
  private final String method;
  private final String target;
  private final int status;
  private final String bodyExcerpt;

  public ApimoException(
      String message,
      String method,
      String target,
      int status,
      String bodyExcerpt,
      Throwable cause) {
    super(message, cause);
    this.method = method;
    this.target = target;
    this.status = status;
    this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
  }

  /** {@code GET} or {@code POST}. */
  public String method() {
    return method;
  }

  /** The path and query that failed, e.g. {@code /agencies/14/users?limit=10&offset=0}. */
  public String target() {
    return target;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** The start of the response body, on one line (empty when none). */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  /** 401: the provider or token is wrong. */
  public static final class AuthenticationException extends ApimoException {
    public AuthenticationException(String message, String method, String target, String body) {
      super(message, method, target, 401, body, null);
    }
  }

  /** 403: the agency is inactive or not linked to this provider. */
  public static final class AccessDeniedException extends ApimoException {
    public AccessDeniedException(String message, String method, String target, String body) {
      super(message, method, target, 403, body, null);
    }
  }

  /** 404: the agency, user or path does not exist. */
  public static final class NotFoundException extends ApimoException {
    public NotFoundException(String message, String method, String target, String body) {
      super(message, method, target, 404, body, null);
    }
  }

  /** 429: over the daily or per-second quota, even after waiting and retrying. */
  public static final class QuotaExceededException extends ApimoException {
    public QuotaExceededException(String message, String method, String target, String body) {
      super(message, method, target, 429, body, null);
    }
  }

  /** Any other 4xx or 5xx. */
  public static final class HttpStatusException extends ApimoException {
    public HttpStatusException(
        String message, String method, String target, int status, String body) {
      super(message, method, target, status, body, null);
    }
  }

  /** No response: host unknown, connection refused or reset, timeout. */
  public static final class ConnectionException extends ApimoException {
    public ConnectionException(String message, String method, String target, Throwable cause) {
      super(message, method, target, 0, "", cause);
    }
  }

  /** A response that is not the JSON the contract promises. */
  public static final class MalformedResponseException extends ApimoException {
    public MalformedResponseException(
        String message, String method, String target, int status, String body, Throwable cause) {
      super(message, method, target, status, body, cause);
    }
  }

  /** The client cannot send the request as configured (no credentials, say). */
  public static final class ConfigurationException extends ApimoException {
    public ConfigurationException(String message, String method, String target) {
      super(message, method, target, 0, "", null);
    }
  }
}
