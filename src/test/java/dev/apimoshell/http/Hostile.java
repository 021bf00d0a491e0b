package dev.apimoshell.http;

import dev.apimoshell.ApimoClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;

/** Credentials, pages and clients shared by the hostile-server tests. */
final class Hostile {
  static final String PROVIDER = "1234";
  static final String TOKEN = "t0k3n-Very/Secret+42";
  static final String USERS = "/agencies/14/users";

  /** Fast limits: a stalled body ends in 300 ms, a dripping one in 1 s. */
  static final ApimoConfig.Limits FAST =
      new ApimoConfig.Limits(Duration.ofMillis(300), Duration.ofSeconds(1), 1 << 20);

  private Hostile() {}

  static ApimoConfig config(String baseUrl) {
    return ApimoConfig.of(baseUrl, PROVIDER, TOKEN)
        .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5))
        .withRequestsPerSecond(0)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15))
        .withLimits(FAST);
  }

  static ApimoClient client(ApimoConfig config) {
    return ApimoClient.connect(config);
  }

  static ApimoClient client(String baseUrl) {
    return client(config(baseUrl));
  }

  static String user(long id) {
    return "{\"id\":\"" + id + "\",\"agency\":\"14\",\"firstname\":\"Ann\",\"lastname\":\"Lee\"}";
  }

  static String users(long total, long fromId, long toId) {
    return "{\"users\":["
        + LongStream.rangeClosed(fromId, toId)
            .mapToObj(Hostile::user)
            .collect(Collectors.joining(","))
        + "],\"total_items\":"
        + total
        + "}";
  }

  static byte[] gzip(byte[] plain) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  static byte[] gzip(String plain) {
    return gzip(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A gzip bomb: {@code members} concatenated gzip members of 1 MiB of zeros each (about 1 KiB
   * compressed each), so 1024 members inflate to 1 GiB from about 1 MiB.
   */
  static byte[] bomb(int members) {
    byte[] member = gzip(new byte[1 << 20]);
    byte[] bomb = new byte[member.length * members];
    for (int i = 0; i < members; i++) {
      System.arraycopy(member, 0, bomb, i * member.length, member.length);
    }
    return bomb;
  }
}
