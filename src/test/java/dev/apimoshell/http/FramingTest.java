package dev.apimoshell.http;

import static dev.apimoshell.http.HostileServer.head;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.apimoshell.http.ApimoException.MalformedResponseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Responses whose framing is ambiguous (request smuggling's raw material) or whose body was cut:
 * the error says what is wrong with the response, not "invalid JSON" or a bad field.
 */
class FramingTest {
  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final String FIRST_PAGE = "GET /agencies/14/users?limit=10000&offset=0";

  @Test
  void twoDifferentContentLengthsAreAMalformedResponse() throws Exception {
    String page = Hostile.users(3, 1, 3);
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    try (var server =
        new HostileServer(
            (request, out, socket) -> {
              head(
                  out,
                  200,
                  "Content-Type: application/json",
                  "Content-Length: " + (body.length - 20),
                  "Content-Length: " + body.length);
              out.write(body);
            })) {
      assertThat(listFails(server.baseUrl()))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining(FIRST_PAGE)
          .hasMessageContaining("malformed response (two Content-Length headers")
          .hasMessageNotContaining("invalid JSON");
    }
  }

  @Test
  void contentLengthWithChunkedIsAMalformedResponse() throws Exception {
    String page = Hostile.users(3, 1, 3);
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    try (var server =
        new HostileServer(
            (request, out, socket) -> {
              head(
                  out,
                  200,
                  "Content-Type: application/json",
                  "Content-Length: 20",
                  "Transfer-Encoding: chunked");
              out.write((Integer.toHexString(body.length) + "\r\n").getBytes());
              out.write(body);
              out.write("\r\n0\r\n\r\n".getBytes());
            })) {
      assertThat(listFails(server.baseUrl()))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining(FIRST_PAGE)
          .hasMessageContaining(
              "malformed response (Content-Length with Transfer-Encoding: chunked")
          .hasMessageNotContaining("invalid JSON");
    }
  }

  @Test
  void aBodyShorterThanItsContentLengthSaysItWasCutWithBothCounts() throws Exception {
    try (var server =
        new HostileServer(
            (request, out, socket) -> {
              head(out, 200, "Content-Type: application/json", "Content-Length: 5000");
              out.write("{\"users\":[".getBytes(StandardCharsets.UTF_8));
            })) {
      assertThat(listFails(server.baseUrl()))
          .isInstanceOf(ApimoException.ConnectionException.class)
          .hasMessageContaining(FIRST_PAGE)
          .hasMessageContaining("was cut: ")
          .hasMessageContaining("(10 of 5000 bytes)")
          .hasMessageNotContaining("Cannot reach");
    }
  }

  @Test
  void aBodyCutMidRecordSaysItWasCutNotABadField() throws Exception {
    String page = Hostile.users(3, 1, 3);
    byte[] cut = page.substring(0, page.length() / 2).getBytes(StandardCharsets.UTF_8);
    try (var server =
        new HostileServer(
            (request, out, socket) -> {
              head(out, 200, "Content-Type: application/json", "Content-Length: " + cut.length);
              out.write(cut);
            })) {
      assertThat(listFails(server.baseUrl()))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining(FIRST_PAGE)
          .hasMessageContaining("the body was cut (unexpected end of input inside users[")
          .hasMessageContaining(String.format("after %,d bytes received", cut.length))
          .hasMessageNotContaining("does not fit");
    }
  }

  private static Throwable listFails(String baseUrl) {
    return assertTimeoutPreemptively(
        BOUND,
        () -> {
          try {
            Hostile.client(baseUrl).agency(14).users().list();
            return null;
          } catch (Throwable t) {
            return t;
          }
        });
  }
}
