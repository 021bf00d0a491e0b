package dev.apimoshell.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window's contract with its reader: results in order, a task's own failure, the cancellation
 * once closed (also from another thread), and never more tasks running than permits.
 */
class OrderedWindowTest {
  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stop() throws InterruptedException {
    executor.shutdownNow();
    assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void takeRethrowsTheTasksOwnFailure() throws InterruptedException {
    var window = new OrderedWindow<Integer, String>(executor, new Semaphore(2));
    var failure = new IllegalArgumentException("bad page");
    window.trySubmit(1, () -> "one");
    window.trySubmit(
        2,
        () -> {
          throw failure;
        });

    assertThat(window.take()).isEqualTo("one");
    assertThatThrownBy(window::take).isSameAs(failure);
  }

  @Test
  void aClosedWindowSaysCancelledToEveryCall() {
    var window = new OrderedWindow<Integer, String>(executor, new Semaphore(2));
    window.close();

    assertThatThrownBy(window::head).isInstanceOf(CancellationException.class);
    assertThatThrownBy(window::take).isInstanceOf(CancellationException.class);
    assertThatThrownBy(() -> window.trySubmit(1, () -> "one"))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void closingFromAnotherThreadCancelsTheWaitingReader() throws Exception {
    var window = new OrderedWindow<Integer, String>(executor, new Semaphore(2));
    var never = new CountDownLatch(1);
    window.trySubmit(
        1,
        () -> {
          never.await();
          return "one";
        });
    var failure = new AtomicReference<Throwable>();
    Thread reader =
        new Thread(
            () -> {
              try {
                window.take();
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    reader.start();
    while (reader.getState() != Thread.State.WAITING) {
      Thread.sleep(5);
    }
    window.close();
    reader.join(30_000);

    assertThat(failure.get()).isInstanceOf(CancellationException.class);
  }

  @Test
  void aCancelledTaskKeepsItsPermitUntilItHasStopped() throws Exception {
    var permits = new Semaphore(2);
    ExecutorService oneThread = Executors.newSingleThreadExecutor();
    var window = new OrderedWindow<Integer, String>(oneThread, permits);
    var started = new CountDownLatch(1);
    var mayEnd = new CountDownLatch(1);
    window.trySubmit(
        1,
        () -> {
          started.countDown();
          while (true) { // deaf to the interrupt, as a request that is still being answered
            try {
              mayEnd.await();
              return "one";
            } catch (InterruptedException ignored) {
              // keeps running
            }
          }
        });
    window.trySubmit(2, () -> "never started: the only thread is busy");
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    window.cancelAll();

    assertThat(permits.availablePermits()).isEqualTo(1); // the task that never started
    mayEnd.countDown();
    assertThat(permits.tryAcquire(2, 30, TimeUnit.SECONDS)).isTrue();
    oneThread.shutdown();
  }
}
