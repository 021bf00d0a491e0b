package dev.apimoshell.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 for faults WireMock cannot stage: bodies that stall, drip,
 * inflate or never end. Each connection reads one request head, then runs {@link Reply} on the
 * socket.
 */
final class HostileServer implements AutoCloseable {

  /** What the server does once a request head has arrived. */
  @FunctionalInterface
  interface Reply {
    void send(String requestHead, OutputStream out, Socket socket) throws Exception;
  }

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(daemon());
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private final boolean keepAlive;
  private volatile Reply reply;

  /** A server that hangs up after each reply. */
  HostileServer(Reply reply) throws IOException {
    this(reply, false);
  }

  /** A server that reads the next request on the same connection after each reply. */
  static HostileServer keepingAlive(Reply reply) throws IOException {
    return new HostileServer(reply, true);
  }

  private HostileServer(Reply reply, boolean keepAlive) throws IOException {
    this.reply = reply;
    this.keepAlive = keepAlive;
    this.server = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    threads.execute(this::acceptLoop);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  void reply(Reply next) {
    this.reply = next;
  }

  int requestCount() {
    return count.get();
  }

  List<String> requests() {
    return requests;
  }

  /** A status line and headers, with {@code Connection: close}. */
  static void head(OutputStream out, int status, String... headers) throws IOException {
    var text = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    text.append("Connection: close\r\n\r\n");
    out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** A JSON answer that keeps the connection open for the next request. */
  static void keepAlive(OutputStream out, byte[] body) throws IOException {
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  static void json(OutputStream out, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    head(out, status, "Content-Type: application/json", "Content-Length: " + bytes.length);
    out.write(bytes);
    out.flush();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true); // else separate head and body writes wait for a delayed ACK
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      // buffered: one read per request head, not one system call per byte
      InputStream in = new BufferedInputStream(socket.getInputStream());
      do {
        String head = readHead(in);
        if (!head.endsWith("\r\n\r\n")) {
          return;
        }
        requests.add(head);
        count.incrementAndGet();
        reply.send(head, socket.getOutputStream(), socket);
      } while (keepAlive);
    } catch (Exception e) {
      // the client hung up: expected for most faults
    }
  }

  private static String readHead(InputStream in) throws IOException {
    var head = new StringBuilder();
    int b;
    while (!endsWithBlankLine(head) && (b = in.read()) >= 0) {
      head.append((char) b);
    }
    return head.toString();
  }

  private static boolean endsWithBlankLine(CharSequence head) {
    int n = head.length();
    return n >= 4
        && head.charAt(n - 4) == '\r'
        && head.charAt(n - 3) == '\n'
        && head.charAt(n - 2) == '\r'
        && head.charAt(n - 1) == '\n';
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return task -> {
      Thread t = new Thread(task, "hostile-server");
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
