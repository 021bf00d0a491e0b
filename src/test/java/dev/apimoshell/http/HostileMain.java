package dev.apimoshell.http;

import static dev.apimoshell.http.HostileServer.head;

import dev.apimoshell.ApimoClient;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs one memory-hungry fault in a JVM of its own (the test gives it a small {@code -Xmx}): a
 * local server sends the fault, a client lists users with the default limits, and the process
 * prints the error and exits 1, or prints the count and exits 0.
 *
 * <p>Modes: {@code bomb} (1 GiB of zeros from about 1 MiB of gzip), {@code huge} (500 MB of
 * records, chunked), {@code string} (one 500 MB string, Content-Length announced), {@code oom} (a
 * 500 MB body with the cap lifted to 1.5 GB, so only the size of the heap bounds it).
 */
public final class HostileMain {
  private static final long FIVE_HUNDRED_MB = 500L * 1000 * 1000;

  private HostileMain() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    byte[] bomb = mode.equals("bomb") ? Hostile.bomb(1024) : new byte[0];
    try (var server = new HostileServer((request, out, socket) -> send(mode, bomb, out))) {
      var config =
          ApimoConfig.of(server.baseUrl(), Hostile.PROVIDER, Hostile.TOKEN)
              .withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1))
              .withRequestsPerSecond(0);
      if (mode.equals("oom")) {
        config = config.withLimits(ApimoConfig.Limits.DEFAULT.withMaxBodyBytes(1_500_000_000L));
      }
      try {
        int n = ApimoClient.connect(config).agency(14).users().list().size();
        System.out.println("listed " + n);
        System.exit(0);
      } catch (ApimoException e) {
        System.err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        System.exit(1);
      }
    }
  }

  private static void send(String mode, byte[] bomb, OutputStream out) throws Exception {
    switch (mode) {
      case "bomb" -> {
        head(
            out,
            200,
            "Content-Type: application/json",
            "Content-Encoding: gzip",
            "Content-Length: " + bomb.length);
        out.write(bomb);
      }
      case "string" -> {
        byte[] prefix =
            "{\"users\":[{\"id\":\"1\",\"lastname\":\"".getBytes(StandardCharsets.UTF_8);
        head(out, 200, "Content-Type: application/json", "Content-Length: " + FIVE_HUNDRED_MB);
        out.write(prefix);
        stream(out, "a".repeat(65536).getBytes(StandardCharsets.UTF_8), FIVE_HUNDRED_MB);
      }
      default -> { // huge, oom: records, chunked, no length announced
        head(out, 200, "Content-Type: application/json", "Transfer-Encoding: chunked");
        byte[] records = (Hostile.user(1) + ",").repeat(1000).getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[records.length + 16];
        String size = Integer.toHexString(records.length) + "\r\n";
        int at = 0;
        for (byte b : size.getBytes(StandardCharsets.ISO_8859_1)) {
          chunk[at++] = b;
        }
        System.arraycopy(records, 0, chunk, at, records.length);
        at += records.length;
        chunk[at++] = '\r';
        chunk[at++] = '\n';
        byte[] framed = java.util.Arrays.copyOf(chunk, at);
        stream(out, framed, FIVE_HUNDRED_MB);
      }
    }
    out.flush();
  }

  private static void stream(OutputStream out, byte[] block, long total) throws Exception {
    for (long sent = 0; sent < total; sent += block.length) {
      out.write(block);
    }
  }
}
