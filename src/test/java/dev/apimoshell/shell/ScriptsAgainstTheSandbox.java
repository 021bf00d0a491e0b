package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link DefaultOnTheSandbox} with one {@link ScriptSession}, started without a problem, for the
 * class's scripts: extend it and call {@code scripts.run("/export Apimo.agency(14).users() u.csv",
 * Feedback.Mode.VALUES, "t.jsh")}.
 */
abstract class ScriptsAgainstTheSandbox extends DefaultOnTheSandbox {
  protected ScriptSession scripts;

  @BeforeAll
  @Override
  protected void start() throws Exception {
    super.start();
    scripts = new ScriptSession();
    assertThat(scripts.engine().startupProblems()).isEmpty();
  }

  @AfterAll
  @Override
  protected void stop() throws Exception {
    scripts.close();
    super.stop();
  }
}
