package dev.apimoshell.shell;

import dev.apimoshell.e2e.AgainstTheSandbox;
import org.junit.jupiter.api.BeforeAll;

/**
 * One sandbox per test class with its unthrottled client made the default, so {@code
 * Apimo.agency(14)} in a test, a script or at the prompt means the sandbox. Extend it, and override
 * {@code start()} (calling {@code super.start()}) to open a session on it. A class where the rate
 * limit is the point builds its own client.
 */
abstract class DefaultOnTheSandbox extends AgainstTheSandbox {

  @BeforeAll
  @Override
  protected void start() throws Exception {
    super.start();
    client.makeDefault();
  }
}
