package dev.apimoshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox under abuse: odd paging values, odd paths, huge URLs, floods and slow clients. */
class SandboxHostileTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static int status(String pathAndQuery) {
    return SandboxHttp.get(sandbox, pathAndQuery).status();
  }

  @Test
  void pagingValuesAtAndBeyondTheEdges() {
    assertThat(status("/agencies/14/users?limit=99999999999")).isEqualTo(200);
    assertThat(status("/agencies/14/users?limit=99999999999999999999999")).isEqualTo(400);
    assertThat(status("/agencies/14/users?offset=-1")).isEqualTo(400);
    assertThat(status("/agencies/14/users?offset=abc")).isEqualTo(400);
    assertThat(status("/agencies/14/users?offset=" + (Long.MAX_VALUE - 1))).isEqualTo(200);
  }

  @Test
  void oddPathsAreRefusedWithoutLeavingTheCatalogs() {
    assertThat(rawStatus("GET /agencies/14/us%zzers HTTP/1.1")).isEqualTo(400);
    assertThat(rawStatus("GET /catalogs/../../etc/passwd HTTP/1.1")).isEqualTo(404);
    assertThat(status("/catalogs/..%2F..%2Fetc%2Fpasswd")).isEqualTo(404);
  }

  @Test
  void noCredentialsIs401AndALargePostIs400() {
    assertThat(rawStatus("GET /agencies/14/users HTTP/1.1", false)).isEqualTo(401);
    assertThat(bigPostStatus(2 << 20)).isEqualTo(400);
  }

  @Test
  void veryLongUrlsGetAnErrorOrThePageAndTheSandboxKeepsServing() {
    for (int size : new int[] {100_000, 1 << 20}) {
      int status = rawStatus("GET /agencies/14/users?x=" + "a".repeat(size) + " HTTP/1.1");
      assertThat(status).as("URL of %d bytes", size).isIn(-1, 200, 400, 413, 414, 431);
    }
    assertThat(status("/agencies/14/users?limit=1")).isEqualTo(200);
  }

  @Test
  void manyConcurrentConnectionsAreServedOrRefusedAndTheSandboxSurvives() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 1000; i++) {
        Socket s = new Socket();
        try {
          s.connect(address(), 1000);
          sockets.add(s);
        } catch (IOException e) {
          s.close();
        }
      }
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> assertThat(status("/agencies/14/users?limit=1")).isEqualTo(200));
  }

  @Test
  void slowClientsHoldingHalfARequestDoNotBlockOthersAndAreHungUpOn() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) { // more than the old pool of 4 to 2 x cores workers
        Socket s = new Socket();
        s.connect(address(), 2000);
        s.getOutputStream().write("GET /agencies/14/users HTTP/1.1\r\nHost: x\r\n".getBytes());
        s.getOutputStream().flush();
        slow.add(s);
      }

      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> assertThat(status("/agencies/14/users?limit=1")).isEqualTo(200));

      Socket first = slow.get(0);
      first.setSoTimeout((Sandbox.REQUEST_SECONDS + 20) * 1000);
      assertTimeoutPreemptively(
          Duration.ofSeconds(Sandbox.REQUEST_SECONDS + 25),
          () -> assertThat(readToEnd(first.getInputStream())).isTrue());
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    assertThat(URI.create(sandbox.baseUrl()).getHost()).isEqualTo("127.0.0.1");
    int port = URI.create(sandbox.baseUrl()).getPort();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
          continue;
        }
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(address, port), 500);
          throw new AssertionError("the sandbox answered on " + address);
        } catch (IOException expected) {
          // refused or unreachable: as it should be
        }
      }
    }
  }

  /** POSTs a JSON body of {@code size} bytes, still reading the answer if the server hangs up. */
  private static int bigPostStatus(int size) {
    try (Socket s = new Socket()) {
      s.connect(address(), 2000);
      s.setSoTimeout(20_000);
      String head =
          "POST /agencies/14/actions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
              + SandboxHttp.basic(sandbox.provider(), sandbox.token())
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + size
              + "\r\nConnection: close\r\n\r\n";
      var out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      try {
        out.write('{');
        byte[] filler = new byte[64 << 10];
        java.util.Arrays.fill(filler, (byte) ' ');
        for (int sent = 1; sent < size - 1; sent += filler.length) {
          out.write(filler, 0, Math.min(filler.length, size - 1 - sent));
        }
        out.write('}');
        out.flush();
      } catch (IOException serverStoppedReading) {
        // fine: the answer may already be there
      }
      byte[] status = s.getInputStream().readNBytes(12);
      String text = new String(status, StandardCharsets.ISO_8859_1);
      return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** True when the server closed the connection (end of stream or reset). */
  private static boolean readToEnd(InputStream in) {
    try {
      while (in.read() >= 0) {
        // discard whatever error the server sends before hanging up
      }
      return true;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static InetSocketAddress address() {
    URI uri = URI.create(sandbox.baseUrl());
    return new InetSocketAddress(uri.getHost(), uri.getPort());
  }

  private static int rawStatus(String requestLine) {
    return rawStatus(requestLine, true);
  }

  /** Sends a request line as is (no client-side URL checks); -1 when the server hung up. */
  private static int rawStatus(String requestLine, boolean withCredentials) {
    try (Socket s = new Socket()) {
      s.connect(address(), 2000);
      s.setSoTimeout(20_000);
      String auth =
          withCredentials
              ? "Authorization: " + SandboxHttp.basic(sandbox.provider(), sandbox.token()) + "\r\n"
              : "";
      s.getOutputStream()
          .write(
              (requestLine + "\r\nHost: 127.0.0.1\r\n" + auth + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      byte[] head = s.getInputStream().readNBytes(12);
      String text = new String(head, StandardCharsets.ISO_8859_1);
      return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
