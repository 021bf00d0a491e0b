package dev.apimoshell.internal.http;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Undoes {@code Content-Encoding} as a stream and stops at the cap on decoded bytes, so a gzip bomb
 * costs at most the cap in memory; a body that is not the gzip it claims to be gets its own message
 * instead of a network error.
 */
final class BodyDecoding {
  private BodyDecoding() {}

  /** A body that cannot be decoded: garbled or cut gzip, unknown encoding, too large decoded. */
  static final class BadBodyException extends Exception {
    BadBodyException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * What is wrong with the response's framing, or null: two different {@code Content-Length}
   * values, or {@code Content-Length} beside {@code Transfer-Encoding: chunked}. Either way the
   * body read may not be the body sent (the raw material of request smuggling), so it is refused as
   * a malformed response rather than parsed as whatever bytes came.
   */
  static String framingProblem(HttpHeaders headers) {
    var lengths = new java.util.LinkedHashSet<String>();
    for (String value : headers.allValues("Content-Length")) {
      for (String one : value.split(",", -1)) {
        lengths.add(one.strip());
      }
    }
    if (lengths.size() > 1) {
      return "malformed response (two Content-Length headers: "
          + ErrorMessages.oneLine(String.join(", ", lengths), 60)
          + ")";
    }
    boolean chunked =
        headers.allValues("Transfer-Encoding").stream()
            .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"));
    if (chunked && !lengths.isEmpty()) {
      return "malformed response (Content-Length with Transfer-Encoding: chunked)";
    }
    return null;
  }

  static byte[] decode(HttpResponse<byte[]> response, long maxBytes) throws BadBodyException {
    byte[] raw = response.body() == null ? new byte[0] : response.body();
    String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip();
    switch (encoding.toLowerCase(Locale.ROOT)) {
      case "", "identity":
        return raw;
      case "gzip", "x-gzip":
        return raw.length == 0 ? raw : gunzip(raw, maxBytes);
      default:
        throw new BadBodyException(
            "the body is encoded as '"
                + ErrorMessages.oneLine(encoding, 40)
                + "', which apimo-shell did not ask for and cannot decode",
            null);
    }
  }

  static byte[] gunzip(byte[] raw, long maxBytes) throws BadBodyException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      byte[] decoded = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16));
      if (decoded.length > maxBytes) {
        throw new BadBodyException(
            "the gzip body inflates to more than "
                + Sizes.cap(maxBytes)
                + " from "
                + Sizes.human(raw.length)
                + ". Ask for smaller pages or raise the cap with"
                + " ApimoConfig.withLimits(...)",
            null);
      }
      return decoded;
    } catch (EOFException e) {
      throw new BadBodyException(
          "the gzip body was cut short (" + Sizes.human(raw.length) + " received, unexpected end)",
          e);
    } catch (ZipException e) {
      throw new BadBodyException(
          "the body is declared gzip but is not valid gzip (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BadBodyException("the gzip body cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
