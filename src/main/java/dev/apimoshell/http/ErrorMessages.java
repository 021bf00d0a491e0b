package dev.apimoshell.http;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a failed exchange into the exception whose message tells the user what to do. */
final class ErrorMessages {
  private static final int EXCERPT = 200;
  private static final Pattern AGENCY_PATH =
      Pattern.compile("^/agencies/([^/?]+)(?:/users/([^/?]+))?");

  private ErrorMessages() {}

  static ApimoException forStatus(
      int status, String method, String target, byte[] body, String provider) {
    String excerpt = excerpt(body);
    String request = method + " " + target;
    String said = excerpt.isEmpty() ? "" : " Apimo said: " + excerpt;
    switch (status) {
      case 401:
        return new ApimoException.AuthenticationException(
            "401 Unauthorized for "
                + request
                + ": Apimo rejected provider "
                + orNone(provider)
                + " and its token. Check APIMO_PROVIDER and APIMO_TOKEN (or --provider and"
                + " --token).",
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
                + " does not exist. Check the id; Apimo.agencies() lists the agencies you can see.",
            method,
            target,
            excerpt);
      case 429:
        return new ApimoException.QuotaExceededException(
            "429 Too Many Requests for "
                + request
                + ": the Apimo quota is exceeded (by default 1,000 requests a day and 10 a second,"
                + " reset at midnight Europe/Paris). Wait and try again, or ask Apimo for more.",
            method,
            target,
            excerpt);
      default:
        String kind =
            status >= 500
                ? "Apimo had a server error; try again in a moment."
                : "Apimo refused the request.";
        return new ApimoException.HttpStatusException(
            "HTTP " + status + " for " + request + ": " + kind + said,
            method,
            target,
            status,
            excerpt);
    }
  }

  static ApimoException forFailure(Throwable cause, String method, String baseUrl, String target) {
    String request = method + " " + target;
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
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
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

  /** The body's first characters on one line, for a message. */
  static String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String text =
        new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8)
            .replaceAll("\\s+", " ")
            .strip();
    return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
  }

  private static String agencyOf(String target) {
    Matcher m = AGENCY_PATH.matcher(target);
    return m.find() ? "agency " + m.group(1) : "this resource";
  }

  private static String notFoundSubject(String target) {
    Matcher m = AGENCY_PATH.matcher(target);
    if (!m.find()) {
      return "the path " + target.replaceAll("\\?.*", "");
    }
    return m.group(2) == null
        ? "agency " + m.group(1)
        : "agency " + m.group(1) + " or its user " + m.group(2);
  }

  private static String orNone(String provider) {
    return provider == null ? "(none)" : provider;
  }
}
