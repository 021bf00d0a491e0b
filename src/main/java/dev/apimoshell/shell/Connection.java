package dev.apimoshell.shell;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.internal.client.PageFetcher;
import dev.apimoshell.model.Action;
import dev.apimoshell.model.Contact;
import dev.apimoshell.model.Property;
import dev.apimoshell.model.User;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The API target the session talks to: the session's client (and, for the command line, which owns
 * its process, the facade's default client too), starting the embedded sandbox when the
 * configuration asks for it (or replaying a snapshot) and shutting it down at the end. The client
 * (the HTTP stack, a few hundred milliseconds) connects on another thread: the banner needs only
 * the target's address.
 */
final class Connection implements AutoCloseable {

  private final ApimoConfig config;
  private final Sandbox sandbox;
  private final boolean makeDefault;
  private final boolean warmUpDecoding;
  private CompletableFuture<ApimoClient> client;

  private Connection(
      ApimoConfig config,
      Sandbox sandbox,
      boolean makeDefault,
      boolean warmUpDecoding,
      boolean connectNow) {
    this.config = config;
    this.sandbox = sandbox;
    this.makeDefault = makeDefault;
    this.warmUpDecoding = warmUpDecoding;
    if (connectNow) {
      connecting();
    }
  }

  /** The client connecting on another thread, started at the first call. */
  private synchronized CompletableFuture<ApimoClient> connecting() {
    if (client == null) {
      client =
          CompletableFuture.supplyAsync(
              () -> {
                ApimoClient connected = ApimoClient.connect(config);
                if (makeDefault) {
                  connected.makeDefault();
                }
                StartupTiming.mark("client connected");
                if (warmUpDecoding) {
                  warmUpDecoding();
                }
                return connected;
              });
    }
    return client;
  }

  /**
   * Builds the readers of the records most sessions list, on a spare daemon thread while the engine
   * still compiles: the first page then costs what a later one does (issue 21).
   */
  private static void warmUpDecoding() {
    Thread thread =
        new Thread(
            () -> {
              PageFetcher.warmUp(List.of(Action.class, User.class, Property.class, Contact.class));
              StartupTiming.mark("record readers built");
            },
            "apimo-decode-warmup");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  static Connection open(ShellConfig config) {
    return open(config, null, true);
  }

  static Connection open(ShellConfig config, Path snapshot) {
    return open(config, snapshot, true);
  }

  /**
   * @param snapshot a snapshot folder the embedded sandbox replays ({@code --snapshot}), or null
   * @throws IllegalArgumentException when that folder cannot be served, in one line
   */
  static Connection open(ShellConfig config, Path snapshot, boolean makeDefault) {
    return open(config, snapshot, makeDefault, false);
  }

  /**
   * @param warmUpDecoding build the record readers ahead on a spare thread: for a prompt, or a
   *     script that calls the API
   */
  static Connection open(
      ShellConfig config, Path snapshot, boolean makeDefault, boolean warmUpDecoding) {
    return open(config, snapshot, makeDefault, warmUpDecoding, true);
  }

  /**
   * @param connectNow start the client's connection at once; else at the first {@link #client()} (a
   *     script that may never call the API)
   */
  static Connection open(
      ShellConfig config,
      Path snapshot,
      boolean makeDefault,
      boolean warmUpDecoding,
      boolean connectNow) {
    if (config.sandbox() || snapshot != null) {
      Sandbox sandbox =
          Sandbox.start(
              (snapshot == null ? SandboxOptions.defaults() : SandboxOptions.snapshot(snapshot))
                  .withRateLimit(config.sandboxRateLimit()));
      StartupTiming.mark("sandbox started");
      return new Connection(
          ApimoConfig.of(sandbox.baseUrl(), sandbox.provider(), sandbox.token())
              .withRequestsPerSecond(config.rateLimit()),
          sandbox,
          makeDefault,
          warmUpDecoding,
          connectNow);
    }
    ApimoConfig apimo =
        config.insecure()
            ? ApimoConfig.insecure(config.baseUrl(), config.provider(), config.token())
            : ApimoConfig.of(config.baseUrl(), config.provider(), config.token());
    return new Connection(
        apimo.withRequestsPerSecond(config.rateLimit()),
        null,
        makeDefault,
        warmUpDecoding,
        connectNow);
  }

  /** The client, waiting for it to connect; a {@code CompletionException} if it could not. */
  ApimoClient client() {
    return connecting().join();
  }

  boolean isSandbox() {
    return sandbox != null;
  }

  /** The target in a few words, for the banner: {@code https://api.apimo.pro as provider 1234}. */
  String target() {
    if (sandbox == null) {
      return config.baseUrl() + " as provider " + config.provider();
    }
    return sandbox
        .snapshot()
        .map(s -> "snapshot " + s.path() + " at " + config.baseUrl())
        .orElse("the embedded sandbox at " + config.baseUrl());
  }

  /** The target in words and, on a second line, its rate limit, for {@code /whoami}; no token. */
  String describe() {
    String where = config.baseUrl() + " as provider " + config.provider();
    String target =
        sandbox == null
            ? where
            : sandbox
                .snapshot()
                .map(s -> "snapshot " + s.path() + " (" + s.describe() + "), replayed at " + where)
                .orElse("the embedded sandbox at " + where + " (generated data)");
    return target + "\n" + rateLimit();
  }

  /** The connection's request budget: {@code rate limit 10/s} or {@code no rate limit}. */
  String rateLimit() {
    return config.rateLimitText();
  }

  /** For the banner, when it replays a snapshot: what it holds, in two lines. */
  Optional<String> snapshotNote() {
    return Optional.ofNullable(sandbox)
        .flatMap(Sandbox::snapshot)
        .map(
            s ->
                "\n  (replayed offline, no credentials needed: agency "
                    + s.manifest().agency()
                    + ",\n   "
                    + s.describe().substring(s.describe().indexOf("taken")));
  }

  @Override
  public void close() {
    CompletableFuture<ApimoClient> started;
    synchronized (this) {
      started = client;
    }
    if (started != null) {
      started.thenAccept(ApimoClient::close);
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
