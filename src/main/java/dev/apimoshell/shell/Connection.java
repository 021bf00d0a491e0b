package dev.apimoshell.shell;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.sandbox.Sandbox;
import java.util.concurrent.CompletableFuture;

/**
 * The API target the session talks to: makes it the facade's default client (so {@code
 * Apimo.agency(14)} in a snippet uses it), starting the embedded sandbox when the configuration
 * asks for it and shutting it down at the end. The client (the HTTP stack, a few hundred
 * milliseconds) connects on another thread: the banner needs only the target's address.
 */
final class Connection implements AutoCloseable {

  private final ApimoConfig config;
  private final CompletableFuture<ApimoClient> client;
  private final Sandbox sandbox;

  private Connection(ApimoConfig config, Sandbox sandbox) {
    this.config = config;
    this.sandbox = sandbox;
    this.client =
        CompletableFuture.supplyAsync(
            () -> {
              ApimoClient connected = ApimoClient.connect(config).makeDefault();
              StartupTiming.mark("client connected");
              return connected;
            });
  }

  static Connection open(ShellConfig config) {
    if (config.sandbox()) {
      Sandbox sandbox = Sandbox.start();
      StartupTiming.mark("sandbox started");
      // The sandbox has no quota: no self-throttling.
      return new Connection(
          ApimoConfig.of(sandbox.baseUrl(), sandbox.provider(), sandbox.token())
              .withRequestsPerSecond(0),
          sandbox);
    }
    ApimoConfig apimo =
        config.insecure()
            ? ApimoConfig.insecure(config.baseUrl(), config.provider(), config.token())
            : ApimoConfig.of(config.baseUrl(), config.provider(), config.token());
    return new Connection(apimo, null);
  }

  /** The client, waiting for it to connect; a {@code CompletionException} if it could not. */
  ApimoClient client() {
    return client.join();
  }

  boolean isSandbox() {
    return sandbox != null;
  }

  /** The target in a few words, for the banner: {@code https://api.apimo.pro as provider 1234}. */
  String target() {
    return sandbox == null
        ? config.baseUrl() + " as provider " + config.provider()
        : "the embedded sandbox at " + config.baseUrl();
  }

  /** The target in words, for {@code /whoami}; never the token. */
  String describe() {
    String where = config.baseUrl() + " as provider " + config.provider();
    return sandbox == null ? where : "the embedded sandbox at " + where + " (generated data)";
  }

  @Override
  public void close() {
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
