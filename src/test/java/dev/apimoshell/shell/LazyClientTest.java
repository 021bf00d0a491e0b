package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.e2e.AgainstTheSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A script's client is made when a snippet first uses {@code Apimo.*}: {@code -e '1+1'} never waits
 * for the HTTP stack, and a script that needs a client that cannot be made fails in one line.
 */
class LazyClientTest extends AgainstTheSandbox {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private ShellSession session(LazyClient client) {
    return ShellSession.builder()
        .client(client)
        .out(new PrintStream(out, true, StandardCharsets.UTF_8))
        .err(new PrintStream(err, true, StandardCharsets.UTF_8))
        .build();
  }

  private static Supplier<ApimoClient> counting(AtomicInteger asked, Supplier<ApimoClient> made) {
    return () -> {
      asked.incrementAndGet();
      return made.get();
    };
  }

  @Test
  void aScriptThatDoesNotUseTheApiRunsWithoutItsClient() {
    AtomicInteger asked = new AtomicInteger();
    LazyClient client =
        new LazyClient(
            counting(
                asked,
                () -> {
                  throw new IllegalStateException("connection refused by 127.0.0.1");
                }));
    try (ShellSession s = session(client)) {
      ShellSession.Result result = s.run("System.out.println(1 + 1);", "-e", List.of());

      assertThat(result.status()).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(result.output()).contains("2");
      assertThat(asked).hasValue(0);
      assertThat(client.failure()).isNull();
    }
  }

  @Test
  void theFirstUseOfTheApiMakesTheClientOnceAndQueriesThroughIt() {
    AtomicInteger asked = new AtomicInteger();
    LazyClient lazy = new LazyClient(counting(asked, () -> client));
    try (ShellSession s = session(lazy)) {
      ShellSession.Result result =
          s.run(
              "System.out.println(1 + 1);\n"
                  + "System.out.println(Apimo.agency(14).users().count());\n"
                  + "System.out.println(Apimo.client().baseUrl());",
              "-e",
              List.of());

      assertThat(result.status()).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(result.output()).contains("40").contains(sandbox.baseUrl());
      assertThat(asked).hasValue(1);
    }
  }

  @Test
  void aClientThatCannotBeMadeIsReportedInOneLineWhenASnippetNeedsIt() {
    LazyClient client =
        new LazyClient(
            () -> {
              throw new IllegalStateException("connection refused by 127.0.0.1");
            });
    try (ShellSession s = session(client)) {
      ShellSession.Result result = s.run("Apimo.agency(14).users().count()", "-e", List.of());

      assertThat(result.status()).isNotZero();
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("connection refused by 127.0.0.1")
          .doesNotContain("\tat ")
          .hasLineCount(1);
      assertThat(client.failure()).hasMessage("connection refused by 127.0.0.1");
      assertThat(Main.cannotStart(client.failure()))
          .isEqualTo("apimo-shell: cannot connect: connection refused by 127.0.0.1");
    }
  }

  @Test
  void aScriptOnTheEmbeddedSandboxWritesToItWithoutYesAndOneThatDoesNotNameTheApiStillRuns() {
    ShellProcess.Ran sent =
        ShellProcess.inProcess(
            "",
            "--sandbox",
            "-e",
            "1 + 1",
            "-e",
            "Apimo.agency(14).sendLead(NewLead.of(\"Lefèvre\", \"h@example.com\")) > 0");
    assertThat(sent.exitValue()).as(sent.err()).isZero();
    assertThat(sent.err()).doesNotContain("not sent");
    assertThat(sent.out()).contains("2").contains("true");

    ShellProcess.Ran plain = ShellProcess.inProcess("", "--sandbox", "-e", "1 + 1");
    assertThat(plain.exitValue()).as(plain.err()).isZero();
    assertThat(plain.out()).isEqualTo("2\n");
  }
}
