package dev.apimoshell.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * The HTTP side of the sandbox: counts, delays and rate-limits every request, checks Basic auth,
 * routes the path to its {@link SandboxSource}, and sends the JSON (gzipped when asked).
 */
final class SandboxHandler implements HttpHandler {

  private final SandboxSource source;
  private final Auth auth;
  private final RateLimiter rateLimiter;
  private final long latencyMs;
  private final Stats stats;
  private final AtomicLong requests = new AtomicLong();

  SandboxHandler(SandboxSource source, SandboxOptions options, Auth auth) {
    this.source = source;
    this.auth = auth;
    this.rateLimiter = new RateLimiter(options.rateLimit());
    this.latencyMs = options.latencyMs();
    this.stats = new Stats(source, requests);
  }

  long requestCount() {
    return requests.get();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      // Counted on arrival, as a server in front of Apimo would, not after the simulated latency.
      boolean withinRate = rateLimiter.tryAcquire();
      delay();
      int status = 200;
      byte[] body;
      try {
        body = Json.render(respond(exchange, withinRate));
      } catch (HttpError e) {
        status = e.status();
        body = Json.error(status, e.getMessage());
        if (status == 401) {
          exchange.getResponseHeaders().set("WWW-Authenticate", Auth.CHALLENGE);
        } else if (status == 429) {
          exchange.getResponseHeaders().set("Retry-After", "1");
        }
      } catch (RuntimeException e) {
        status = 500;
        body = Json.error(status, "internal sandbox error: " + e);
      }
      send(exchange, status, body);
    }
  }

  private Json.Body respond(HttpExchange exchange, boolean withinRate) throws IOException {
    if (!withinRate) {
      throw new HttpError(429, "too many requests");
    }
    String method = exchange.getRequestMethod();
    List<String> path = segments(exchange.getRequestURI().getRawPath());
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    auth.check(exchange.getRequestHeaders().getFirst("Authorization"));
    if (path.equals(List.of("__stats"))) {
      return stats.body();
    }
    if (method.equals("POST")) {
      return post(path, readBody(exchange.getRequestBody()));
    }
    if (!method.equals("GET")) {
      throw new HttpError(405, "method not allowed: " + method);
    }
    return get(path, query, baseUrl(exchange));
  }

  /** The address the client used, from its {@code Host} header: what absolute URLs start with. */
  private static String baseUrl(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
      host = "127.0.0.1:" + exchange.getLocalAddress().getPort();
    }
    return "http://" + host;
  }

  private Json.Body get(List<String> path, Map<String, String> query, String baseUrl) {
    int n = path.size();
    if (n >= 1 && path.get(0).equals("catalogs")) {
      if (n == 1) {
        return source.catalogs(baseUrl);
      }
      if (n == 2) {
        return source.catalog(path.get(1), query);
      }
    } else if (n >= 1 && path.get(0).equals("agencies")) {
      if (n == 1) {
        return source.agencies(query);
      }
      SandboxSource.AgencySource agency = source.agency(path.get(1));
      if (n == 3) {
        switch (path.get(2)) {
          case "users":
            return agency.users(query);
          case "properties":
            return agency.properties(query);
          case "contacts":
            return agency.contacts(query);
          case "requests":
            return agency.requests(query);
          case "contracts":
            return agency.contracts(query);
          case "leads":
            return agency.leads(query);
          default:
            break;
        }
      } else if (n == 5 && path.get(2).equals("users") && path.get(4).equals("actions")) {
        return agency.actions(path.get(3), query);
      }
    }
    throw HttpError.notFound("unknown endpoint /" + String.join("/", path));
  }

  private Json.Body post(List<String> path, byte[] body) {
    if (path.size() == 3 && path.get(0).equals("agencies")) {
      SandboxSource.AgencySource agency = source.agency(path.get(1));
      switch (path.get(2)) {
        case "actions":
          return agency.createAction(body);
        case "leads":
          return agency.createLead(body);
        default:
          break;
      }
    }
    throw HttpError.notFound("unknown endpoint POST /" + String.join("/", path));
  }

  private void delay() {
    if (latencyMs > 0) {
      try {
        Thread.sleep(latencyMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    String acceptEncoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    if (acceptEncoding != null
        && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream(body.length / 4 + 64);
      try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
        gzip.write(body);
      }
      body = zipped.toByteArray();
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static List<String> segments(String rawPath) {
    return java.util.Arrays.stream(rawPath.split("/"))
        .filter(s -> !s.isEmpty())
        .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
        .toList();
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        query.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(1 << 20);
    if (in.read() != -1) {
      throw HttpError.badRequest("body too large (1 MB max)");
    }
    return body;
  }
}
