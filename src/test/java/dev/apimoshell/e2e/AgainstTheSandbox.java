package dev.apimoshell.e2e;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.DefaultClientReset;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.testing.SandboxClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One sandbox per test class and a client talking to it over loopback HTTP, unthrottled and without
 * a catalog cache: extend it and use {@code client.agency(14)...}.
 */
@ExtendWith(DefaultClientReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AgainstTheSandbox {
  protected Sandbox sandbox;
  protected ApimoClient client;

  @BeforeAll
  protected void start() throws Exception {
    sandbox = Sandbox.start();
    client = SandboxClients.unthrottled(sandbox);
  }

  @AfterAll
  protected void stop() throws Exception {
    sandbox.close();
  }
}
