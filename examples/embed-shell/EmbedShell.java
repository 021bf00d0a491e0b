import dev.apimoshell.Apimo;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.model.User;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.scripting.ApimoShell;
import dev.apimoshell.scripting.RunResult;
import dev.apimoshell.scripting.ScriptExit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;

/**
 * A host program embedding the shell: two sessions side by side, each on its own sandbox, client
 * and streams. Run it with the shell's jar and its dependencies on the class path:
 *
 * <pre>java -cp target/classes:$(cat target/classpath.txt) examples/embed-shell/EmbedShell.java</pre>
 *
 * Each line it prints is a check that held; a check that fails throws.
 */
public final class EmbedShell {

  public static void main(String[] args) throws Exception {
    demo().forEach(System.out::println);
  }

  /** Runs the checks; returns one line per check that held. */
  @SuppressWarnings("unchecked")
  public static List<String> demo() throws Exception {
    List<String> held = new ArrayList<>();
    PrintStream hostOut = System.out;
    ApimoClient hostDefault = Apimo.client();
    try (Sandbox one = Sandbox.start();
        Sandbox two = Sandbox.start()) {
      ApimoClient clientOne = ApimoClient.connect(ApimoConfig.of(one.baseUrl(), one.provider(), one.token()));
      ApimoClient clientTwo = ApimoClient.connect(ApimoConfig.of(two.baseUrl(), two.provider(), two.token()));
      ByteArrayOutputStream screenOne = new ByteArrayOutputStream();
      ByteArrayOutputStream screenTwo = new ByteArrayOutputStream();
      try (ApimoShell first =
              ApimoShell.builder()
                  .client(clientOne)
                  .bind("agency", clientOne.agency(14))
                  .out(new PrintStream(screenOne, true, StandardCharsets.UTF_8))
                  .build();
          ApimoShell second =
              ApimoShell.builder()
                  .client(clientTwo)
                  .out(new PrintStream(screenTwo, true, StandardCharsets.UTF_8))
                  .build()) {

        List<User> users = (List<User>) first.eval("agency.users().list()");
        check(!users.isEmpty() && users.get(0) instanceof User, "eval gave a List<User>");
        held.add("eval: List<User> of " + users.size());

        Path script = Files.createTempFile("three", ".jsh");
        Files.writeString(script, "System.out.println(\"hello \" + args[0]);\nexit(3);\n");
        RunResult run = second.run(script, "host");
        Files.delete(script);
        check(run.status() == 3 && run.output().equals("hello host\n"), "run: " + run);
        held.add("run: status " + run.status() + ", printed " + run.output().strip());

        try {
          first.eval("System.exit(4)");
          check(false, "System.exit(4) was not refused");
        } catch (ScriptExit refused) {
          held.add("System.exit(" + refused.status() + ") refused; the JVM goes on");
        }

        Thread host = new Thread(() -> System.out.println("a host thread's line"));
        first.eval("System.out.println(\"first session\"); Thread.sleep(50);");
        host.start();
        host.join();
        second.eval("System.out.println(\"second session\")");
        check(screenOne.toString(StandardCharsets.UTF_8).equals("first session\n"), "first out");
        check(screenTwo.toString(StandardCharsets.UTF_8).contains("second session\n"), "second out");
        held.add("each session printed on its own stream only");
      }

      ScriptEngine jsr223 = new ScriptEngineManager().getEngineByName("apimo");
      jsr223.put("apimo.client", clientOne);
      jsr223.put("agency", clientOne.agency(14));
      Object count = jsr223.eval("agency.users().count()");
      ((AutoCloseable) jsr223).close();
      check(count.equals(clientOne.agency(14).users().count()), "JSR-223 count " + count);
      held.add("JSR-223: agency.users().count() = " + count);
    }
    check(Apimo.client() == hostDefault, "the host's default client was replaced");
    check(System.out == hostOut, "the host's System.out was replaced");
    held.add("the host's default client and System.out are untouched");
    return held;
  }

  private static void check(boolean held, String what) {
    if (!held) {
      throw new IllegalStateException("failed: " + what);
    }
  }
}
