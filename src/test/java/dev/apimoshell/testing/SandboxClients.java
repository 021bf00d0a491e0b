package dev.apimoshell.testing;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.internal.client.CatalogCache;
import dev.apimoshell.sandbox.Sandbox;

/**
 * The client most tests on the sandbox want: its credentials, no rate limit (the limit is not what
 * they test, and it would make them wait) and no catalog cache on disk.
 *
 * <pre>{@code ApimoClient client = SandboxClients.unthrottled(sandbox);}</pre>
 */
public final class SandboxClients {
  private SandboxClients() {}

  public static ApimoClient unthrottled(Sandbox sandbox) {
    return ApimoClient.connect(
        ApimoConfig.of(sandbox.baseUrl(), sandbox.provider(), sandbox.token())
            .withRequestsPerSecond(0),
        CatalogCache.none());
  }
}
