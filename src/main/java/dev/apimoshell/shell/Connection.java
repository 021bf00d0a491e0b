package dev.apimoshell.shell;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.sandbox.Sandbox;

/**
 * The API target the session talks to: makes it the facade's default client (so {@code
 * Apimo.agency(14)} in a snippet uses it), starting the embedded sandbox when the configuration
 * asks for it and shutting it down at the end.
 */
final class Connection implements AutoCloseable {

  private final ApimoClient client;
  private final Sandbox sandbox;

  private Connection(ApimoClient client, Sandbox sandbox) {
    this.client = client;
    this.sandbox = sandbox;
  }

  static Connection open(ShellConfig config) {
    if (config.sandbox()) {
      Sandbox sandbox = Sandbox.start();
      StartupTiming.mark("sandbox started");
      // The sandbox has no quota: no self-throttling.
      ApimoClient client =
          ApimoClient.connect(
                  ApimoConfig.of(sandbox.baseUrl(), sandbox.provider(), sandbox.token())
                      .withRequestsPerSecond(0))
              .makeDefault();
      StartupTiming.mark("client connected");
      return new Connection(client, sandbox);
    }
    ApimoConfig apimo =
        config.insecure()
            ? ApimoConfig.insecure(config.baseUrl(), config.provider(), config.token())
            : ApimoConfig.of(config.baseUrl(), config.provider(), config.token());
    ApimoClient client = ApimoClient.connect(apimo).makeDefault();
    return new Connection(client, null);
  }

  ApimoClient client() {
    return client;
  }

  boolean isSandbox() {
    return sandbox != null;
  }

  /** The target in a few words, for the banner: {@code https://api.apimo.pro as provider 1234}. */
  String target() {
    return sandbox == null
        ? client.baseUrl() + " as provider " + client.provider()
        : "the embedded sandbox at " + client.baseUrl();
  }

  /** The target in words, for {@code /whoami}; never the token. */
  String describe() {
    String where = client.baseUrl() + " as provider " + client.provider();
    return sandbox == null ? where : "the embedded sandbox at " + where + " (generated data)";
  }

  @Override
  public void close() {
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
