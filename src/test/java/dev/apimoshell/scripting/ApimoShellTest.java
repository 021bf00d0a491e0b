package dev.apimoshell.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.Apimo;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.DefaultClientReset;
import dev.apimoshell.model.NewLead;
import dev.apimoshell.model.User;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.testing.SandboxClients;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleScriptContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell embedded in this JVM as a host program would: two sessions side by side, each on its
 * own sandbox, client and streams; the host's default client and {@code System.out} untouched.
 */
@ExtendWith(DefaultClientReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApimoShellTest {

  private Sandbox sandboxA;
  private Sandbox sandboxB;
  private ApimoClient clientA;
  private ApimoClient clientB;
  private final ByteArrayOutputStream outA = new ByteArrayOutputStream();
  private final ByteArrayOutputStream outB = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errA = new ByteArrayOutputStream();
  private final ByteArrayOutputStream host = new ByteArrayOutputStream();
  private PrintStream hostOut;
  private PrintStream originalOut;
  private ApimoClient hostDefault;
  private ApimoShell a;
  private ApimoShell b;

  @TempDir Path dir;

  @BeforeAll
  void start() {
    sandboxA = Sandbox.start();
    sandboxB = Sandbox.start();
    clientA = connect(sandboxA);
    clientB = connect(sandboxB);
    hostDefault = Apimo.client();
    originalOut = System.out;
    hostOut = new PrintStream(host, true, StandardCharsets.UTF_8);
    System.setOut(hostOut);
    a =
        ApimoShell.builder()
            .client(clientA)
            .bind("agency", clientA.agency(14))
            .out(utf8(outA))
            .err(utf8(errA))
            .build();
    b = ApimoShell.builder().client(clientB).imports("java.time.*").out(utf8(outB)).build();
  }

  @AfterAll
  void stop() {
    a.close();
    b.close();
    try {
      assertThat(System.out).as("the host's System.out after the sessions").isSameAs(hostOut);
    } finally {
      System.setOut(originalOut);
      sandboxA.close();
      sandboxB.close();
    }
  }

  private static ApimoClient connect(Sandbox sandbox) {
    return SandboxClients.unthrottled(sandbox);
  }

  private static PrintStream utf8(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  @Test
  void evalReturnsTheRealListFromTheSessionsOwnClient() {
    long beforeA = sandboxA.requestCount();
    long beforeB = sandboxB.requestCount();

    Object users = a.eval("Apimo.agency(14).users().list()");

    assertThat(users).isInstanceOf(List.class);
    assertThat((List<?>) users).isNotEmpty().allMatch(u -> u instanceof User);
    assertThat(((List<?>) users).size()).isEqualTo(clientA.agency(14).users().count());
    assertThat(sandboxA.requestCount()).isGreaterThan(beforeA);
    assertThat(sandboxB.requestCount()).isEqualTo(beforeB);
    assertThat(a.eval("agency.users().count()")).isEqualTo(((List<?>) users).size() * 1L);
    assertThat(b.eval("LocalDate.of(2024, 2, 29).getDayOfWeek()").toString()).isEqualTo("THURSDAY");
    assertThat(Apimo.client()).as("the host's default client").isSameAs(hostDefault);
  }

  @Test
  void whatASessionPrintsStaysInItAndTheHostsOwnPrintsAreNotCaptured() throws Exception {
    outA.reset();
    outB.reset();
    host.reset();
    CountDownLatch snippetRunning = new CountDownLatch(1);
    a.bind("started", snippetRunning);
    Thread hostThread =
        new Thread(
            () -> {
              try {
                snippetRunning.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                return;
              }
              for (int i = 0; i < 20; i++) {
                System.out.println("host line " + i);
              }
            });
    hostThread.start();
    a.eval(
        "System.out.println(\"from A\");"
            + " started.countDown();"
            + " Thread.sleep(300); System.out.println(\"A again\");");
    hostThread.join(30_000);
    b.eval("System.out.println(\"from B\")");

    assertThat(outA.toString(StandardCharsets.UTF_8)).isEqualTo("from A\nA again\n");
    assertThat(outB.toString(StandardCharsets.UTF_8)).isEqualTo("from B\n");
    assertThat(host.toString(StandardCharsets.UTF_8))
        .contains("host line 0", "host line 19")
        .doesNotContain("from");
  }

  @Test
  void threadsASnippetStartsPrintToItsSessionAndUseItsClient() throws Exception {
    outA.reset();
    host.reset();

    Object baseUrl =
        a.eval(
            "String[] seen = new String[1];\n"
                + "Thread t = new Thread(() -> { System.out.println(\"from A's thread\");"
                + " seen[0] = Apimo.client().baseUrl(); });\n"
                + "t.start(); t.join(); seen[0]");

    assertThat(baseUrl).isEqualTo(clientA.baseUrl());
    assertThat(outA.toString(StandardCharsets.UTF_8)).isEqualTo("from A's thread\n");
    assertThat(host.toString(StandardCharsets.UTF_8)).doesNotContain("from A");
  }

  @Test
  void aThreadThatOutlivesItsSessionPrintsToTheHostOnceTheSessionIsClosed() throws Exception {
    ByteArrayOutputStream outC = new ByteArrayOutputStream();
    CountDownLatch sessionClosed = new CountDownLatch(1);
    CountDownLatch printed = new CountDownLatch(1);
    host.reset();
    try (ApimoShell c =
        ApimoShell.builder()
            .client(clientB)
            .bind("closed", sessionClosed)
            .bind("printed", printed)
            .out(utf8(outC))
            .build()) {
      c.eval(
          "new Thread(() -> { try { closed.await(); } catch (InterruptedException e) { return; }"
              + " System.out.println(\"after the session\"); printed.countDown(); }).start()");
    }
    sessionClosed.countDown();

    assertThat(printed.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(outC.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(host.toString(StandardCharsets.UTF_8)).contains("after the session");
  }

  @Test
  void aScriptRunWithArgumentsEndsWithTheStatusOfItsExit() throws Exception {
    Path script = dir.resolve("three.jsh");
    Files.writeString(
        script,
        "System.out.println(\"bye \" + args[0]);\nexit(3);\nSystem.out.println(\"not here\");\n");

    RunResult result = a.run(script, "now");

    assertThat(result.status()).isEqualTo(3);
    assertThat(result.output()).isEqualTo("bye now\n");
    assertThat(result.failure()).isInstanceOf(ScriptExit.class);
    assertThat(a.eval("args.length")).isEqualTo(0);
  }

  @Test
  void aFailingScriptGivesTheRealExceptionAndItsLine() {
    errA.reset();
    RunResult result = a.run("int ok = 1;\nthrow new IllegalStateException(\"bad\");\n", "t.jsh");
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.failure()).isInstanceOf(IllegalStateException.class).hasMessage("bad");
    assertThat(result.problem()).isEqualTo("t.jsh:2: IllegalStateException: bad");
    assertThat(errA.toString(StandardCharsets.UTF_8)).contains("t.jsh:2: IllegalStateException");
  }

  @Test
  void systemExitInAnEvalIsRefusedAndTheSessionGoesOn() {
    assertThatThrownBy(() -> a.eval("System.exit(4)"))
        .isInstanceOfSatisfying(ScriptExit.class, e -> assertThat(e.status()).isEqualTo(4));
    assertThat(a.eval("1 + 1")).isEqualTo(2);
  }

  @Test
  void evalThrowsWhatTheSnippetThrewAndSaysWhatDoesNotCompile() {
    assertThatThrownBy(
            () ->
                a.eval("throw new java.io.UncheckedIOException(new java.io.IOException(\"disk\"))"))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("disk");
    assertThatThrownBy(() -> a.eval("agensy.users()"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("did you mean agency?");
  }

  @Test
  void systemExitAtAnEmbeddedPromptIsRefused() {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    String typed = "System.exit(4)\nSystem.out.println(\"still \" + (41 + 1));\n/exit\n";
    int hostWidth = dev.apimoshell.internal.text.TerminalWidth.get();
    dev.apimoshell.internal.text.TerminalWidth.set(0); // the host's tables are never cut
    try (ApimoShell prompt =
        ApimoShell.builder()
            .client(clientB)
            .in(new Keyboard(typed))
            .out(utf8(screen))
            .banner("embedded prompt")
            .build()) {
      assertThat(prompt.interactive()).isZero();
      assertThat(dev.apimoshell.internal.text.TerminalWidth.get())
          .as("the host's table width after the prompt")
          .isZero();
    } finally {
      dev.apimoshell.internal.text.TerminalWidth.set(hostWidth);
    }
    assertThat(screen.toString(StandardCharsets.UTF_8))
        .contains("embedded prompt")
        .contains("exit(4) ignored at the prompt")
        .contains("still 42");
  }

  @Test
  void theSessionsWriteGuardIsItsClientsOnly() throws Exception {
    ApimoClient guarded = connect(sandboxB);
    long before = sandboxB.requestCount();
    try (ApimoShell s =
        ApimoShell.builder()
            .client(guarded)
            .writeGuard((url, description) -> false)
            .out(utf8(new ByteArrayOutputStream()))
            .build()) {
      assertThatThrownBy(
              () -> s.eval("Apimo.agency(14).sendLead(NewLead.of(\"Lefèvre\", \"h@example.com\"))"))
          .isInstanceOf(RuntimeException.class);
      assertThat(sandboxB.requestCount()).isEqualTo(before);
    }
    long id = clientB.agency(14).sendLead(NewLead.of("Lefèvre", "h@example.com"));
    assertThat(id).isPositive();
  }

  @Test
  void jsr223EvaluatesWithBindingsAndWritesToTheContextsWriter() throws Exception {
    ScriptEngine engine = new ScriptEngineManager().getEngineByName("apimo");
    assertThat(engine).isNotNull();
    try {
      engine.put(ApimoScriptEngine.CLIENT, clientA);
      engine.put("agency", clientA.agency(14));
      Object count = engine.eval("agency.users().count()");
      assertThat(count).isEqualTo((long) clientA.agency(14).users().count());

      SimpleScriptContext context = new SimpleScriptContext();
      java.io.StringWriter written = new java.io.StringWriter();
      context.setWriter(written);
      context.setBindings(
          engine.getBindings(javax.script.ScriptContext.ENGINE_SCOPE),
          javax.script.ScriptContext.ENGINE_SCOPE);
      engine.eval("System.out.println(\"users: \" + agency.users().count())", context);
      assertThat(written.toString()).isEqualTo("users: " + count + "\n");
      assertThatThrownBy(() -> engine.eval("agensy"))
          .isInstanceOf(ScriptException.class)
          .hasMessageContaining("agency");
    } finally {
      ((AutoCloseable) engine).close();
    }
  }

  /**
   * Types {@code text}, then waits a while before hanging up: a terminal that sees the end of its
   * input at once would end the prompt before it read the lines.
   */
  static final class Keyboard extends java.io.InputStream {
    private final ByteArrayInputStream keys;
    private int waits;

    Keyboard(String text) {
      keys = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int read() throws java.io.IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      int n = keys.read(b, off, len);
      while (n < 0 && waits++ < 600) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return -1;
        }
      }
      return n;
    }
  }
}
