package dev.apimoshell.shell;

import dev.apimoshell.shell.print.Summary;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import jdk.jshell.spi.SPIResolutionException;

/**
 * Runs snippets in this JVM and keeps what they returned or threw as real objects.
 *
 * <p>JShell itself only reports a value's {@code toString()} and an exception's class name; the
 * shell needs the objects to print tables and full stack traces. Each snippet runs on its own
 * thread so {@link #stop()} can interrupt it and, for busy loops that ignore interruption, stop the
 * thread (what JDK 17's own local engine does).
 */
final class CapturingExecutionControl extends DirectExecutionControl {

  /** Hands JShell one control per session and lets the shell reach it. */
  static final class Provider implements ExecutionControlProvider {
    private volatile CapturingExecutionControl control;

    @Override
    public String name() {
      return "apimo-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
      control = new CapturingExecutionControl();
      return control;
    }

    CapturingExecutionControl control() {
      return control;
    }
  }

  private static final long GRACE_MILLIS = 300;

  /** After a stop, how long {@link #invoke} waits for the thread before giving up on it. */
  private static final long ABANDON_MILLIS = 1_500;

  private volatile Thread running;
  private volatile boolean stopRequested;
  private volatile long stopRequestedAt;
  private volatile Object lastValue;
  private volatile Throwable lastThrown;

  private volatile java.io.PrintStream out = System.out;
  private volatile java.io.PrintStream err = System.err;
  private volatile java.util.function.Supplier<dev.apimoshell.ApimoClient> client;
  private volatile ThreadStreams.Owner owner;
  private volatile java.util.function.Supplier<String[]> args = () -> null;
  private volatile String lastVarClass;

  /**
   * Clears what the previous snippet left and says where the next one prints and which client
   * {@code Apimo.*} means in it (null: the default); called before each evaluation.
   */
  void reset(
      ThreadStreams.Owner owner,
      java.io.PrintStream out,
      java.io.PrintStream err,
      java.util.function.Supplier<dev.apimoshell.ApimoClient> client) {
    this.owner = owner;
    this.out = out;
    this.err = err;
    this.client = client;
    lastValue = null;
    lastThrown = null;
    stopRequested = false;
  }

  /** Where {@link ScriptFunctions#arg} reads the session's {@code args} while a snippet runs. */
  void args(java.util.function.Supplier<String[]> args) {
    this.args = args;
  }

  /**
   * The static field {@code name} of the snippet class {@code className}: the engine sets {@code
   * args} through it, without compiling a snippet.
   */
  Field staticField(String className, String name) throws ReflectiveOperationException {
    Field field = findClass(className).getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  /** The class of the variable JShell last asked the value of ({@code JShell.varValue}). */
  String lastVarClass() {
    return lastVarClass;
  }

  Object lastValue() {
    return lastValue;
  }

  Throwable lastThrown() {
    return lastThrown;
  }

  /**
   * A variable's value in one short line ({@code (500 rows)}), for {@code /vars}: its whole {@code
   * toString()} can be thousands of lines.
   */
  @Override
  public String varValue(String className, String varName)
      throws RunException, EngineTerminationException, InternalException {
    lastVarClass = className;
    try {
      Field field = findClass(className).getDeclaredField(varName);
      field.setAccessible(true);
      return Summary.of(field.get(null), 200);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return super.varValue(className, varName);
    }
  }

  @Override
  protected String invoke(Method doitMethod) throws Exception {
    AtomicReference<Object> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.set(
                    ThreadStreams.call(
                        owner,
                        out,
                        err,
                        () ->
                            dev.apimoshell.Apimo.withClientOnFirstUse(
                                client,
                                () ->
                                    ScriptFunctions.withArgs(
                                        args, () -> doitMethod.invoke(null)))));
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "apimo-shell snippet");
    thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    thread.setDaemon(true); // an abandoned snippet must not keep the JVM alive
    running = thread;
    try {
      if (stopRequested) {
        throw new StoppedException();
      }
      thread.start();
      awaitOrAbandon(thread);
    } finally {
      running = null;
    }
    if (stopRequested) {
      throw new StoppedException();
    }
    Throwable t = failure.get();
    if (t != null) {
      if (t instanceof InvocationTargetException ite
          && !(ite.getCause() instanceof SPIResolutionException)) {
        lastThrown = ite.getCause();
      }
      throw (Exception) (t instanceof Exception e ? e : new InvocationTargetException(t));
    }
    lastValue = result.get();
    return valueString(lastValue);
  }

  /**
   * Waits for the snippet. After a stop, a thread that is still alive past {@link #ABANDON_MILLIS}
   * is left behind (JDK 20+ cannot stop a busy loop): the prompt comes back and the loop runs on,
   * as a daemon, until the shell ends.
   */
  private void awaitOrAbandon(Thread thread) throws InterruptedException {
    while (thread.isAlive()) {
      thread.join(50);
      if (stopRequested
          && thread.isAlive()
          && System.nanoTime() - stopRequestedAt > ABANDON_MILLIS * 1_000_000) {
        System.err.println(
            "warning: the snippet ignored the stop; its thread runs on until you quit"
                + " (Java "
                + Runtime.version().feature()
                + " cannot end a busy loop)");
        return;
      }
    }
  }

  /**
   * Interrupts the running snippet; if it is still busy after a short grace, stops its thread. A
   * stop that arrives while the snippet still compiles keeps it from starting.
   */
  @Override
  @SuppressWarnings({"removal", "deprecation"})
  public void stop() {
    stopRequestedAt = System.nanoTime();
    stopRequested = true;
    Thread thread = running;
    if (thread == null) {
      return;
    }
    thread.interrupt();
    Thread reaper =
        new Thread(
            () -> {
              try {
                thread.join(GRACE_MILLIS);
                if (thread.isAlive()) {
                  thread.stop();
                }
              } catch (InterruptedException | UnsupportedOperationException ignored) {
                // JDK 20+ has no Thread.stop: a busy loop then ends only on its own.
              }
            },
            "apimo-shell stopper");
    reaper.setDaemon(true);
    reaper.start();
  }
}
