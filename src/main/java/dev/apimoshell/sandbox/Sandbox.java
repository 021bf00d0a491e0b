package dev.apimoshell.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.sun.net.httpserver.HttpServer;
import dev.apimoshell.snapshot.SnapshotFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Apimo-compatible HTTP server on 127.0.0.1 serving generated data, or replaying a snapshot
 * folder ({@link SandboxOptions#snapshot}), for trying apimo-shell without credentials and for
 * tests and benchmarks that need a real HTTP peer.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start()) {
 *     // GET sandbox.baseUrl() + "/agencies/14/users" with Basic provider():token()
 *     sandbox.changePropertyPrice(14, 5140000001L, 250_000); // for refresh and diff tests
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
  private final SandboxSource source;

  private Sandbox(
      HttpServer server, ExecutorService executor, SandboxHandler handler, SandboxSource source) {
    this.server = server;
    this.executor = executor;
    this.handler = handler;
    this.source = source;
  }

  /** Starts a sandbox with {@link SandboxOptions#defaults()}: ephemeral port, seed 42, scale 1. */
  public static Sandbox start() {
    return start(SandboxOptions.defaults());
  }

  /**
   * Starts a sandbox as {@code options} say.
   *
   * @throws IllegalArgumentException when {@link SandboxOptions#data()} is not a snapshot it can
   *     serve (missing, unfinished or damaged), in one line
   */
  public static Sandbox start(SandboxOptions options) {
    SandboxSource source =
        options.data() == null
            ? new GeneratedSource(
                new SandboxData(options.seed(), options.scale(), options.maxPosted()))
            : SnapshotSource.load(options.data(), options.maxPosted());
    SandboxHandler handler =
        new SandboxHandler(source, options, new Auth(Auth.PROVIDER, Auth.TOKEN));
    ExecutorService executor = workers();
    try {
      HttpServer server = createServer(options.port());
      server.createContext("/", handler);
      server.setExecutor(executor);
      server.start();
      return new Sandbox(server, executor, handler, source);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot start the sandbox on 127.0.0.1:" + options.port(), e);
    }
  }

  /**
   * The JDK server on loopback. Two of its settings are system properties read once, when its
   * classes load: they are set for that moment only and then restored, so the sandbox leaves the
   * process's properties as it found them.
   */
  private static HttpServer createServer(int port) throws IOException {
    // Without TCP_NODELAY, the JDK server's separate header and body writes meet the client's
    // delayed ACK: about 40 ms per small response.
    String nodelay = System.getProperty("sun.net.httpserver.nodelay");
    // A client that opens a request and never finishes it (slowloris) holds a worker thread:
    // close requests still unread after this many seconds, so workers come back.
    String maxReqTime = System.getProperty("sun.net.httpserver.maxReqTime");
    synchronized (Sandbox.class) {
      if (nodelay == null) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
      }
      if (maxReqTime == null) {
        System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
      }
      try {
        return HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 128);
      } finally {
        if (nodelay == null) {
          System.clearProperty("sun.net.httpserver.nodelay");
        }
        if (maxReqTime == null) {
          System.clearProperty("sun.net.httpserver.maxReqTime");
        }
      }
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

  /** The snapshot it replays; empty when it serves generated data. */
  public Optional<SnapshotFolder> snapshot() {
    return source instanceof SnapshotSource replay
        ? Optional.of(replay.folder())
        : Optional.empty();
  }

  /**
   * Sets one field of a property as if an agent had edited it now, for tests of refresh and diff:
   * its {@code updated_at} moves to now, so a {@code timestamp} filter returns it and the list's
   * {@code timestamp} moves. Kept in memory only; a snapshot folder is never written.
   *
   * <pre>{@code
   * sandbox.changeProperty(14, 5140000001L, "price.value", 250_000);
   * }</pre>
   *
   * @param field a dotted path to an existing field ({@code price.value}, {@code step})
   * @param value its new value, as Jackson writes it (a number, a string, a map...)
   * @throws IllegalArgumentException when the agency has no such property or field
   */
  public void changeProperty(long agency, long propertyId, String field, Object value) {
    JsonNode node = value == null ? NullNode.getInstance() : Json.MAPPER.valueToTree(value);
    source.changeProperty(agency, propertyId, field, node);
  }

  /** {@link #changeProperty} of {@code price.value}. */
  public void changePropertyPrice(long agency, long propertyId, long price) {
    changeProperty(agency, propertyId, "price.value", price);
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
