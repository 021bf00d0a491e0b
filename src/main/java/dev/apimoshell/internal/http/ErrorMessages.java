package dev.apimoshell.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mizosoft.methanol.HttpReadTimeoutException;
import dev.apimoshell.http.ApimoException;
import dev.apimoshell.internal.text.ControlChars;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a failed exchange into the exception whose message tells the user what to do. */
public final class ErrorMessages {
  private static final int EXCERPT = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern AGENCY_PATH =
      Pattern.compile("^/agencies/([^/?]+)(?:/users/([^/?]+))?");
  private static final Pattern CATALOG_PATH = Pattern.compile("^/catalogs/([^/?]+)");

  private ErrorMessages() {}

  static ApimoException forStatus(
      int status, String method, String target, byte[] body, String provider) {
    return forStatus(status, method, target, body, provider, Secrets.NONE, Hints.NONE);
  }

  /**
   * What the response's headers add to an error: where a redirect pointed, how long {@code
   * Retry-After} asked to wait when that was longer than this client waits.
   */
  record Hints(String location, Duration retryAfter, Duration maxRetryWait) {
    static final Hints NONE = new Hints(null, null, null);
  }

  static ApimoException forStatus(
      int status,
      String method,
      String target,
      byte[] body,
      String provider,
      Secrets secrets,
      Hints hints) {
    String excerpt = excerpt(body, secrets);
    String request = method + " " + target;
    String message = apimoMessage(body, secrets);
    String said = message.isEmpty() ? "" : " Apimo said: " + message;
    String waitTooLong =
        hints.retryAfter() == null
            ? ""
            : " Apimo asked to wait "
                + RetryAfter.describe(hints.retryAfter())
                + " (Retry-After), longer than the "
                + hints.maxRetryWait().toSeconds()
                + " s this client waits, so it did not retry; try again after "
                + Instant.now()
                    .plus(hints.retryAfter())
                    .truncatedTo(ChronoUnit.MINUTES)
                    .atZone(QuotaCounter.APIMO_ZONE)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                + " (Paris time).";
    if (status / 100 == 3) {
      String where =
          hints.location() == null
              ? "without saying where (no Location header)"
              : "to " + oneLine(secrets.redact(hints.location()), EXCERPT);
      return new ApimoException.HttpStatusException(
          "HTTP "
              + status
              + " for "
              + request
              + ": the server redirects "
              + where
              + ". apimo-shell does not follow redirects, so the credentials never go to"
              + " another address; if the API moved, set APIMO_BASE_URL (or --base-url) to it.",
          method,
          target,
          status,
          excerpt);
    }
    switch (status) {
      case 401:
        return new ApimoException.AuthenticationException(
            "401 Unauthorized for "
                + request
                + ": Apimo rejected provider "
                + orNone(provider)
                + " and its token. Check the client's provider(..) and token(..) (APIMO_PROVIDER"
                + " and APIMO_TOKEN for the default client).",
            method,
            target,
            excerpt);
      case 403:
        return new ApimoException.AccessDeniedException(
            "403 Forbidden for "
                + request
                + ": "
                + agencyOf(target)
                + " is inactive or not linked to provider "
                + orNone(provider)
                + ". Apimo.agencies() lists the agencies you can see.",
            method,
            target,
            excerpt);
      case 404:
        return new ApimoException.NotFoundException(
            "404 Not Found for "
                + request
                + ": "
                + notFoundSubject(target)
                + " does not exist. "
                + notFoundAdvice(target),
            method,
            target,
            excerpt);
      case 429:
        return new ApimoException.QuotaExceededException(
            "429 Too Many Requests for "
                + request
                + ": the Apimo quota is exceeded (by default 1,000 requests a day and 10 a second,"
                + " reset at midnight Europe/Paris). Wait and try again, or ask Apimo for more."
                + waitTooLong,
            method,
            target,
            excerpt);
      default:
        String kind =
            status >= 500
                ? "Apimo had a server error; try again in a moment."
                : "Apimo refused the request.";
        return new ApimoException.HttpStatusException(
            "HTTP " + status + " for " + request + ": " + kind + waitTooLong + said,
            method,
            target,
            status,
            excerpt);
    }
  }

  static ApimoException forFailure(Throwable cause, String method, String baseUrl, String target) {
    String request = method + " " + target;
    if (cause instanceof BodyLimitException limit) {
      String what =
          limit.tooLarge()
              ? ". Ask for smaller pages (e.g. .pageSize(1000)) or raise the cap with"
                  + " ApimoConfig.withLimits(...)."
              : ". The server is sending too slowly; try again later, or raise the time with"
                  + " ApimoConfig.withLimits(...).";
      return new ApimoException.MalformedResponseException(
          "Refused the response to "
              + request
              + " from "
              + baseUrl
              + ": "
              + limit.getMessage()
              + what,
          method,
          target,
          0,
          "",
          cause);
    }
    if (cause instanceof HttpReadTimeoutException) {
      return new ApimoException.ConnectionException(
          "The response to "
              + request
              + " from "
              + baseUrl
              + " stalled: no bytes arrived within the read timeout ("
              + cause.getMessage()
              + "). The server or the network hangs; try again.",
          method,
          target,
          cause);
    }
    if (cause instanceof OutOfMemoryError) {
      return new ApimoException.ConnectionException(
          "Ran out of memory receiving the response to "
              + request
              + ". Ask for smaller pages, lower ApimoConfig.Limits.maxBodyBytes, or give Java more"
              + " memory (-Xmx).",
          method,
          target,
          cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new ApimoException.ConnectionException(
          "No answer from "
              + baseUrl
              + " in time for "
              + request
              + " ("
              + cause.getMessage()
              + "). The server is slow or unreachable; try again.",
          method,
          target,
          cause);
    }
    String why =
        cause instanceof UnknownHostException
            ? "unknown host " + cause.getMessage()
            : cause instanceof ConnectException
                ? "connection refused"
                : cause.getClass().getSimpleName()
                    + (cause.getMessage() == null
                        ? ""
                        : ": " + oneLine(cause.getMessage(), EXCERPT)); // may quote the server
    return new ApimoException.ConnectionException(
        "Cannot reach "
            + baseUrl
            + " for "
            + request
            + " ("
            + why
            + "). Check APIMO_BASE_URL and the network.",
        method,
        target,
        cause);
  }

  /**
   * What an error body says, for a message: the {@code message} of Apimo's {@code
   * {"status":400,"title":"Bad Request","message":"..."}}, the text of {@code {"error":"..."}}, or
   * else the body's first characters. Redacted and on one line, as {@link #excerpt} is.
   */
  static String apimoMessage(byte[] body, Secrets secrets) {
    if (body != null && body.length > 0 && body.length <= 64 * 1024) {
      try {
        JsonNode json = JSON.readTree(body);
        JsonNode said =
            json == null ? null : json.has("message") ? json.get("message") : json.get("error");
        if (said != null && said.isTextual() && !said.textValue().isBlank()) {
          return oneLine(secrets.redact(said.textValue()), EXCERPT);
        }
      } catch (IOException notJson) {
        // Shown as it came.
      }
    }
    return excerpt(body, secrets);
  }

  /** The body's first characters on one line, for a message. */
  public static String excerpt(byte[] body) {
    return excerpt(body, Secrets.NONE);
  }

  /**
   * The body's first characters on one line, credentials redacted and control characters
   * neutralised, for a message that may reach a terminal.
   */
  public static String excerpt(byte[] body, Secrets secrets) {
    if (body == null || body.length == 0) {
      return "";
    }
    // Read well past the excerpt so that a secret straddling the cut is still found whole.
    String text = new String(body, 0, Math.min(body.length, EXCERPT * 8), StandardCharsets.UTF_8);
    return oneLine(secrets.redact(text), EXCERPT);
  }

  /**
   * {@code text} on one line of at most {@code max} characters: whitespace runs become one space,
   * other control characters (ESC, BEL, C1, bidi overrides) are shown as {@link ControlChars} shows
   * them ({@code ^[}, {@code <U+202E>}), so server text cannot move the cursor, retitle the window
   * or write the clipboard.
   */
  public static String oneLine(String text, int max) {
    var out = new StringBuilder(Math.min(text.length(), max + 1));
    boolean space = false;
    for (int i = 0; i < text.length() && out.length() <= max; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      if (ControlChars.isControl(c)) {
        out.append(ControlChars.shown(c));
      } else {
        out.append(c);
      }
    }
    String line = out.toString();
    return line.length() > max ? line.substring(0, max) + "…" : line;
  }

  private static String agencyOf(String target) {
    Matcher m = AGENCY_PATH.matcher(target);
    return m.find() ? "agency " + m.group(1) : "this resource";
  }

  private static String notFoundSubject(String target) {
    Matcher catalog = CATALOG_PATH.matcher(target);
    if (catalog.find()) {
      return "catalog '" + oneLine(catalog.group(1), 80) + "'";
    }
    Matcher m = AGENCY_PATH.matcher(target);
    if (!m.find()) {
      return "the path " + target.replaceAll("\\?.*", "");
    }
    return m.group(2) == null
        ? "agency " + m.group(1)
        : "agency " + m.group(1) + " or its user " + m.group(2);
  }

  private static String notFoundAdvice(String target) {
    return CATALOG_PATH.matcher(target).find()
        ? "Check the name; Apimo.catalogs() lists the catalogs."
        : "Check the id; Apimo.agencies() lists the agencies you can see.";
  }

  private static String orNone(String provider) {
    return provider == null ? "(none)" : provider;
  }
}
