package dev.apimoshell.shell;

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

  private volatile Thread running;
  private volatile boolean stopRequested;
  private volatile Object lastValue;
  private volatile Throwable lastThrown;

  /** Clears what the previous snippet left; called before each evaluation. */
  void reset() {
    lastValue = null;
    lastThrown = null;
    stopRequested = false;
  }

  Object lastValue() {
    return lastValue;
  }

  Throwable lastThrown() {
    return lastThrown;
  }

  @Override
  protected String invoke(Method doitMethod) throws Exception {
    AtomicReference<Object> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.set(doitMethod.invoke(null));
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "apimo-shell snippet");
    thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    running = thread;
    try {
      if (stopRequested) {
        throw new StoppedException();
      }
      thread.start();
      thread.join();
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
   * Interrupts the running snippet; if it is still busy after a short grace, stops its thread. A
   * stop that arrives while the snippet still compiles keeps it from starting.
   */
  @Override
  @SuppressWarnings({"removal", "deprecation"})
  public void stop() {
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
