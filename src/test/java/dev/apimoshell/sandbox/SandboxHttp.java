package dev.apimoshell.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain JDK HTTP/1.1 client for contract tests: deliberately not the project's own client. */
final class SandboxHttp {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  record Reply(int status, HttpHeaders headers, byte[] body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private SandboxHttp() {}

  static String basic(String provider, String token) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((provider + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  /** GET with the sandbox's credentials. */
  static Reply get(Sandbox sandbox, String pathAndQuery) {
    return send(
        request(sandbox, pathAndQuery)
            .header("Authorization", basic(sandbox.provider(), sandbox.token()))
            .GET());
  }

  /** GET with only the given headers (name, value, name, value, ...). */
  static Reply getWith(Sandbox sandbox, String pathAndQuery, String... headers) {
    HttpRequest.Builder builder = request(sandbox, pathAndQuery).GET();
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return send(builder);
  }

  static Reply post(Sandbox sandbox, String path, String json) {
    return send(
        request(sandbox, path)
            .header("Authorization", basic(sandbox.provider(), sandbox.token()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static HttpRequest.Builder request(Sandbox sandbox, String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery));
  }

  private static Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
