package dev.apimoshell.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Apimo-compatible HTTP server on 127.0.0.1 serving generated data, for trying apimo-shell
 * without credentials and for tests and benchmarks that need a real HTTP peer.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start()) {
 *     // GET sandbox.baseUrl() + "/agencies/14/users" with Basic provider():token()
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

  /** Seconds a client may take to send a whole request before the sandbox hangs up. */
  static final int REQUEST_SECONDS = 5;

  private static final int WORKERS = 128;

  private final HttpServer server;
  private final ExecutorService executor;
  private final SandboxHandler handler;

  private Sandbox(HttpServer server, ExecutorService executor, SandboxHandler handler) {
    this.server = server;
    this.executor = executor;
    this.handler = handler;
  }

  /** Starts a sandbox with {@link SandboxOptions#defaults()}: ephemeral port, seed 42, scale 1. */
  public static Sandbox start() {
    return start(SandboxOptions.defaults());
  }

  public static Sandbox start(SandboxOptions options) {
    // Without TCP_NODELAY, the JDK server's separate header and body writes meet the client's
    // delayed ACK: about 40 ms per small response. Read once, when the server classes load.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    // A client that opens a request and never finishes it (slowloris) holds a worker thread:
    // close requests still unread after this many seconds, so workers come back.
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
    }
    SandboxHandler handler =
        new SandboxHandler(
            new SandboxData(options.seed(), options.scale()),
            options,
            new Auth(Auth.PROVIDER, Auth.TOKEN));
    ExecutorService executor = workers();
    try {
      HttpServer server =
          HttpServer.create(
              new InetSocketAddress(
                  InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), options.port()),
              128);
      server.createContext("/", handler);
      server.setExecutor(executor);
      server.start();
      return new Sandbox(server, executor, handler);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot start the sandbox on 127.0.0.1:" + options.port(), e);
    }
  }

  /**
   * Up to {@value #WORKERS} threads, each ending after a minute idle, then a queue: enough that a
   * few misbehaving clients leave the others served; never refusing a task, which would stop the
   * JDK server's dispatcher.
   */
  private static ExecutorService workers() {
    var pool =
        new ThreadPoolExecutor(
            WORKERS, WORKERS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), daemonThreads());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "apimo-sandbox-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** For example {@code http://127.0.0.1:43123}, without a trailing slash. */
  public String baseUrl() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  public String provider() {
    return Auth.PROVIDER;
  }

  public String token() {
    return Auth.TOKEN;
  }

  /** Requests received so far, including refused ones (401, 429, ...). */
  public long requestCount() {
    return handler.requestCount();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
