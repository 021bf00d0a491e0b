package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitGuardTest {

  private static final String CALL = "dev.apimoshell.shell.ExitGuard.exit";

  @Test
  void rewritesTheExitCallsUsersType() {
    assertThat(ExitGuard.rewrite("System.exit(3);").text()).isEqualTo(CALL + "(3);");
    assertThat(ExitGuard.rewrite("java.lang.System . exit (1)").text()).isEqualTo(CALL + " (1)");
    assertThat(ExitGuard.rewrite("Runtime.getRuntime().halt(2)").text()).isEqualTo(CALL + "(2)");
    assertThat(ExitGuard.rewrite("Runtime.getRuntime().exit(2)").text()).isEqualTo(CALL + "(2)");
    assertThat(ExitGuard.rewrite("IntConsumer e = System::exit;").text())
        .isEqualTo("IntConsumer e = dev.apimoshell.shell.ExitGuard::exit;");
  }

  @Test
  void leavesTextCommentsAndOtherNamesAlone() {
    for (String s :
        new String[] {
          "\"System.exit(1)\"",
          "// System.exit(1)\n1",
          "/* System.exit(1) */ 1",
          "\"\"\"\n System.exit(1) \"\"\"",
          "my.System.exit(1)",
          "MySystem.exit(1)",
          "System.exitCode(1)",
          "System.exit",
          "'\"' + System.out"
        }) {
      assertThat(ExitGuard.rewrite(s).text()).as(s).isEqualTo(s);
    }
    assertThat(ExitGuard.rewrite("\"a\\\"\" + System.exit(1)").text()).endsWith(CALL + "(1)");
  }

  @Test
  void mapsPositionsBackToWhatWasTyped() {
    String typed = "System.exit(1); String s = 1;";
    ExitGuard.Rewrite r = ExitGuard.rewrite(typed);
    assertThat(r.originalPosition(r.text().indexOf("1;"))).isEqualTo(typed.indexOf("1;"));
    assertThat(r.originalPosition(3)).isZero();
    assertThat(r.originalPosition(0)).isZero();
  }

  @Test
  void theGuardThrowsInsteadOfEndingTheJvm() {
    try {
      ExitGuard.exit(7);
    } catch (ExitGuard.Request r) {
      assertThat(r.status()).isEqualTo(7);
      return;
    }
    throw new AssertionError("no request thrown");
  }
}
