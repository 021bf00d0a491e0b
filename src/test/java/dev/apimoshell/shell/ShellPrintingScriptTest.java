package dev.apimoshell.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.apimoshell.testing.LoopbackWireMock;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What {@code -e}, piped stdin and scripts print: everything, full width, no escape codes. */
class ShellPrintingScriptTest extends ScriptsAgainstTheSandbox {

  /** Runs snippets as {@code -e} does with output that is not a terminal. */
  private int values(String script) {
    return scripts.run(script, Feedback.Mode.VALUES, "-e");
  }

  @Test
  void aQueryOrListPipedPrintsEveryRowAtFullWidth() {
    assertThat(values("Apimo.agency(14).users().list()")).isZero();
    String list = scripts.out();
    assertThat(list).doesNotContain("…").doesNotContain("\u001b");
    assertThat(list.lines().count()).isEqualTo(42);
    assertThat(list).containsPattern("@[a-z.-]+\\.[a-z]+");

    assertThat(values("Apimo.agency(14).users()")).isZero();
    assertThat(scripts.out()).isEqualTo(list);

    assertThat(values("Apimo.agency(14).users().where(u -> false)")).isZero();
    assertThat(scripts.out()).isEqualTo("(no rows)\n");
  }

  @Test
  void aStringPipedIsItsText() {
    assertThat(values("Apimo.agency(14).users().first().get().toJson()")).isZero();
    assertThat(scripts.out()).startsWith("{\n  \"id\" : ").doesNotContain("\\\"");
  }

  @Test
  void aValueThatCannotBeShownExitsOne() {
    assertThat(values("1 + 1\nApimo.agency(99).users()\n2 + 2")).isEqualTo(1);
    assertThat(scripts.out()).isEqualTo("2\n");
    assertThat(scripts.err()).startsWith("-e:2: ERROR: cannot show the value: ").contains("403");
  }

  // ---- a real process: what reaches the pipe, byte for byte

  @Test
  void hostileDataPrintedByDashEHoldsNoEscape() throws Exception {
    WireMockServer hostile = LoopbackWireMock.start();
    try {
      hostile.stubFor(
          get(urlPathEqualTo("/agencies/14/users"))
              .willReturn(okJson(ShellPrintingTest.HOSTILE_USERS)));
      hostile.stubFor(
          get(urlPathEqualTo("/agencies/15/users"))
              .willReturn(
                  aResponse()
                      .withStatus(400)
                      .withBody("bad \u001b]52;c;ZXZpbA==\u0007 request \u001b[2J")));
      ShellProcess.Ran p =
          ShellProcess.inProcess(
              "",
              "--base-url",
              hostile.baseUrl(),
              "--provider",
              "1",
              "--token",
              "hostile-test-token",
              "-e",
              "Apimo.agency(14).users()",
              "-e",
              "Apimo.agency(14).users().first()",
              "-e",
              "Apimo.agency(14).users().first().get().lastname()",
              "-e",
              "Apimo.agency(14).users().list().toString()",
              "-e",
              "Apimo.agency(15).users()");
      byte[] stdout = p.out().getBytes(StandardCharsets.UTF_8);
      byte[] stderr = p.err().getBytes(StandardCharsets.UTF_8);
      String printed = new String(stdout, StandardCharsets.UTF_8);
      assertThat(printed).contains("Mallory^[]52;c;ZXZpbA==^G^[[2J^@<U+009B>31m");
      for (byte b : stdout) {
        assertThat(b).as(printed).isNotEqualTo((byte) 0x1b).isNotEqualTo((byte) 0x07);
      }
      assertThat(new String(stderr, StandardCharsets.UTF_8))
          .contains("-e:5: ")
          // the client shows excerpts' controls already, for library users without the shell
          .contains("bad ^[]52;c;ZXZpbA==^G request ^[[2J");
      for (byte b : stderr) {
        assertThat(b).isNotEqualTo((byte) 0x1b).isNotEqualTo((byte) 0x07);
      }
      assertThat(p.exitValue()).isEqualTo(1);
    } finally {
      hostile.stop();
    }
  }
}
