package dev.apimoshell.shell;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds the first JShell engine on its own thread from the moment {@code main} starts, while the
 * command line is parsed, the sandbox starts and the terminal opens: javac's warm-up and {@code
 * startup.jsh} are most of the start-up. {@link #take} hands it over once; later engines ({@code
 * /reset}) are built as before.
 *
 * <pre>{@code
 * EngineWarmup warmup = EngineWarmup.start(System.out, System.err);
 * JShellEngine engine = warmup.take(out, err); // waits for the rest of the build
 * }</pre>
 */
final class EngineWarmup {

  private final AtomicReference<CompletableFuture<JShellEngine>> pending;

  private EngineWarmup(CompletableFuture<JShellEngine> engine) {
    this.pending = new AtomicReference<>(engine);
  }

  /** Starts building an engine that writes to {@code out} and {@code err} until taken. */
  static EngineWarmup start(PrintStream out, PrintStream err) {
    return start(out, err, () -> null);
  }

  /**
   * As {@link #start(PrintStream, PrintStream)}, for an engine that runs {@code script} (see {@link
   * JShellEngine#JShellEngine(PrintStream, PrintStream, java.util.function.Supplier)}).
   */
  static EngineWarmup start(
      PrintStream out, PrintStream err, java.util.function.Supplier<String> script) {
    CompletableFuture<JShellEngine> engine = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                engine.complete(new JShellEngine(out, err, script));
              } catch (Throwable e) {
                engine.completeExceptionally(e);
              }
            },
            "apimo-engine-warmup");
    thread.setDaemon(true);
    thread.start();
    return new EngineWarmup(engine);
  }

  /** Nothing warming up: {@link #take} builds the engine there and then. */
  static EngineWarmup none() {
    return new EngineWarmup(null);
  }

  /**
   * The warmed-up engine, now writing to {@code out} and {@code err}; the first call waits for it,
   * later calls (and a failed warm-up) build a fresh one.
   */
  JShellEngine take(PrintStream out, PrintStream err) {
    CompletableFuture<JShellEngine> engine = pending.getAndSet(null);
    if (engine != null) {
      try {
        JShellEngine warm = engine.join().writingTo(out, err);
        StartupTiming.mark("engine taken");
        return warm;
      } catch (CompletionException e) {
        // the build failed on the other thread: build again here, so its error surfaces as before
      }
    }
    return new JShellEngine(out, err);
  }

  /** Closes the engine if nobody took it (an error before the first snippet). */
  void discard() {
    CompletableFuture<JShellEngine> engine = pending.getAndSet(null);
    if (engine != null) {
      engine.thenAccept(JShellEngine::close);
    }
  }
}
