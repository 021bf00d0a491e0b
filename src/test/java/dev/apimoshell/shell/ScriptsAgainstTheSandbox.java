package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.e2e.AgainstTheSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One sandbox per test class, its unthrottled client made the default (so {@code Apimo.agency(14)}
 * in a test or a script means the sandbox), and one {@link ScriptSession}, started without a
 * problem, for the class's scripts: extend it and call {@code scripts.run("/export
 * Apimo.agency(14).users() u.csv", Feedback.Mode.VALUES, "t.jsh")}. A class where the rate limit is
 * the point builds its own client.
 */
abstract class ScriptsAgainstTheSandbox extends AgainstTheSandbox {
  protected ScriptSession scripts;

  @BeforeAll
  @Override
  protected void start() {
    super.start();
    client.makeDefault();
    scripts = new ScriptSession();
    assertThat(scripts.engine().startupProblems()).isEmpty();
  }

  @AfterAll
  @Override
  protected void stop() {
    scripts.close();
    super.stop();
  }
}
