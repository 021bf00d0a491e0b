package dev.apimoshell.sandbox;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/apimo-sandbox}: runs a sandbox until interrupted and prints the environment
 * variables that point apimo-shell (or curl) at it.
 */
@Command(
    name = "apimo-sandbox",
    mixinStandardHelpOptions = true,
    description =
        "Runs an Apimo-compatible API on 127.0.0.1 with generated data, or replaying a snapshot.")
public final class SandboxMain implements Callable<Integer> {

  @Option(names = "--port", description = "TCP port on 127.0.0.1 (default: 0, a free port)")
  int port;

  @Option(names = "--latency-ms", description = "delay added to every response (default: 0)")
  long latencyMs;

  @Option(
      names = "--rate-limit",
      description = "at most N requests in any one-second span, 429 past it (default: 0, off)")
  int rateLimit;

  @Option(names = "--scale", description = "volume multiplier (default: 1)")
  int scale = 1;

  @Option(names = "--seed", description = "seed of the generated data (default: 42)")
  long seed = 42;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "serve this snapshot folder (a capture) instead of generated data")
  Path data;

  @Option(
      names = "--max-posted",
      paramLabel = "N",
      description =
          "most POSTed records of each kind (actions, leads) kept in memory; past it the oldest"
              + " is dropped (default: "
              + SandboxOptions.DEFAULT_MAX_POSTED
              + ")")
  int maxPosted = SandboxOptions.DEFAULT_MAX_POSTED;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SandboxMain()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    Sandbox sandbox;
    try {
      sandbox =
          Sandbox.start(
              new SandboxOptions(port, latencyMs, rateLimit, scale, seed, data, maxPosted));
    } catch (IllegalArgumentException e) {
      System.err.println("apimo-sandbox: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // Handling INT and TERM ourselves (instead of only a shutdown hook) lets the process exit 0,
    // not 130/143: being stopped is how a sandbox normally ends.
    for (String signal : new String[] {"INT", "TERM"}) {
      sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> stopped.countDown());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "apimo-sandbox-shutdown"));
    System.out.println("APIMO_BASE_URL=" + sandbox.baseUrl());
    System.out.println("APIMO_PROVIDER=" + sandbox.provider());
    // The budget a client should keep to here (0: none), so `export $(...)` configures it.
    System.out.println("APIMO_RATE_LIMIT=" + rateLimit);
    System.out.println("APIMO_TOKEN=" + sandbox.token());
    System.out.flush();
    sandbox
        .snapshot()
        .ifPresent(
            s -> System.err.println("apimo-sandbox: replaying " + s.path() + ": " + s.describe()));
    stopped.await();
    sandbox.close();
    return 0;
  }
}
