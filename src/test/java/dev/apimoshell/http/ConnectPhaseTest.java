package dev.apimoshell.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.apimoshell.http.ApimoException.ConnectionException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Faults before any byte of the request is answered: nobody listening, nobody accepting. */
class ConnectPhaseTest {

  private static ApimoConfig noRetries(String url) {
    return Hostile.config(url)
        .withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1))
        .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500));
  }

  @Test
  void aClosedPortIsConnectionRefusedNamingTheUrl() throws Exception {
    int port;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;

    Throwable failure =
        catchThrowable(() -> Hostile.client(noRetries(url)).agency(14).users().list());

    assertThat(failure)
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("Cannot reach " + url)
        .hasMessageContaining("connection refused");
  }

  @Test
  void aListenerThatNeverAcceptsEndsWithinTheTimeouts() throws Exception {
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    List<Socket> fillers = new ArrayList<>();
    try (var full = new ServerSocket(0, 1, loopback)) {
      for (int i = 0; i < 8; i++) { // fill the accept queue; later connects may hang
        var s = new Socket();
        try {
          s.connect(new InetSocketAddress(loopback, full.getLocalPort()), 200);
          fillers.add(s);
        } catch (java.io.IOException e) {
          s.close();
          break;
        }
      }
      String url = "http://127.0.0.1:" + full.getLocalPort();

      Throwable failure =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () -> catchThrowable(() -> Hostile.client(noRetries(url)).agency(14).users().list()));

      assertThat(failure).isInstanceOf(ConnectionException.class).hasMessageContaining(url);
    } finally {
      for (Socket s : fillers) {
        s.close();
      }
    }
  }
}
