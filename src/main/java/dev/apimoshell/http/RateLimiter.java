package dev.apimoshell.http;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request budget, shareable by several clients: pass the same limiter to each builder and they
 * stay together under the rate (Apimo allows 10 requests per second per provider).
 *
 * <pre>{@code
 * var limiter = RateLimiter.perSecond(10);
 * var a = ApimoClient.builder().provider("1").token(t).rateLimiter(limiter).build();
 * var b = ApimoClient.builder().provider("1").token(t).rateLimiter(limiter).build();
 * }</pre>
 *
 * <p>Its budget: request starts go out evenly spaced, one at a time in the order they asked,
 * whichever thread sends them; retries take their slot too. Parallel pages therefore run at the
 * limit and never past it, instead of learning about it from a 429.
 *
 * <p>When a start stops counting: the server counts a request when it arrives, which can be well
 * after it left (a new connection's handshakes, a busy machine, a pause of either JVM), so the
 * request {@code perSecond} starts later waits until one second after this one arrived. The limiter
 * cannot see arrivals; it reads them off the answers. A request arrives {@link #MARGIN} after its
 * start, plus however much longer than the quickest answer so far its own answer took (a request
 * held up on the way is answered late too), and never after its answer came. A distant server that
 * is slow to answer every request therefore costs only the margin, while one request held up on a
 * busy machine holds back the request a second after it, and a server counting any one-second
 * window, fixed or sliding, never sees more than the rate. A request still unanswered {@link
 * #LATEST_ARRIVAL} after its start is taken to have arrived by then, so one slow page never holds
 * the others back for long. Each start is also spaced from the previous actual start, so threads
 * released late never go out in a burst.
 */
public final class RateLimiter {
  /** How long after its start a request answered as quickly as any reaches the server. */
  public static final Duration MARGIN = Duration.ofMillis(50);

  /**
   * How long after its start an unanswered request is taken to have reached the server at the
   * latest.
   */
  public static final Duration LATEST_ARRIVAL = Duration.ofSeconds(1);

  private static final long UNANSWERED = Long.MAX_VALUE;

  private final double perSecond;
  private final long intervalNanos;
  private final long windowNanos;
  private final ReentrantLock queue = new ReentrantLock(true);
  // guarded by this: the earliest next start, the number of the next start, and for each of the
  // last `window` starts (a ring: start n at n % window, so the oldest where the next goes) its
  // number, its start and when its answer came
  private long next;
  private long taken;
  private final long[] numbers;
  private final long[] starts;
  private final long[] answers;
  // guarded by this: the shortest time from a start to its answer so far
  private long quickest = Long.MAX_VALUE;

  /**
   * A limiter letting {@code perSecond} requests start per second; 0 turns it off.
   *
   * @throws IllegalArgumentException when {@code perSecond} is negative or not finite
   */
  public static RateLimiter perSecond(double perSecond) {
    if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException(
          "rateLimiter must be a number of requests per second >= 0, was " + perSecond);
    }
    return new RateLimiter(perSecond);
  }

  /** No limit at all: every request starts at once. */
  public static RateLimiter none() {
    return new RateLimiter(0);
  }

  /** Requests per second; 0 when off. */
  public double rate() {
    return perSecond;
  }

  @Override
  public String toString() {
    return perSecond == 0 ? "RateLimiter[off]" : "RateLimiter[" + perSecond + "/s]";
  }

  private RateLimiter(double perSecond) {
    this.perSecond = perSecond;
    this.intervalNanos = perSecond <= 0 ? 0 : (long) (1e9 / perSecond);
    int window = perSecond < 1 ? 1 : (int) perSecond;
    this.windowNanos = perSecond <= 0 ? 0 : (long) (window * 1e9 / perSecond);
    this.numbers = new long[window];
    this.starts = new long[window];
    this.answers = new long[window];
    Arrays.fill(numbers, -1);
    this.next = System.nanoTime();
  }

  /**
   * A request's turn: when it was let through, how long it queued for that, and its number, which
   * {@link #answered(Slot)} needs.
   */
  public record Slot(long startNanos, long waitedNanos, long number) {}

  /** The time between two starts; zero when the limiter is off. */
  public Duration interval() {
    return Duration.ofNanos(intervalNanos);
  }

  /**
   * Called by the engine before each request: waits for this request's turn (first come, first
   * served); an interrupt cancels the wait. Call {@link #answered(Slot)} when its answer comes.
   *
   * @return the start, taken when the turn came, and the time spent waiting for it
   */
  public Slot acquire() {
    long arrived = System.nanoTime();
    if (intervalNanos == 0) {
      return new Slot(arrived, 0, -1);
    }
    try {
      queue.lockInterruptibly();
      try {
        synchronized (this) {
          while (true) {
            long now = System.nanoTime();
            long wait = due() - now;
            if (wait <= 0) {
              return take(now, now - arrived);
            }
            // Woken early when an answer comes in and moves the turn forward.
            TimeUnit.NANOSECONDS.timedWait(this, wait);
          }
        }
      } finally {
        queue.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Stopped while waiting for the request rate limit");
    }
  }

  /**
   * Called by the engine when the answer to the request of {@code slot} comes in (its headers, or
   * its failure): from then on the server has surely counted it. Later calls for the same slot
   * change nothing.
   */
  public synchronized void answered(Slot slot) {
    int i = (int) (slot.number() % numbers.length);
    if (slot.number() >= 0 && numbers[i] == slot.number() && answers[i] == UNANSWERED) {
      answers[i] = Math.max(System.nanoTime(), starts[i]);
      quickest = Math.min(quickest, answers[i] - starts[i]);
      notifyAll();
    }
  }

  /**
   * Books the slot of a retry due after {@code backoff} without blocking (retries are scheduled by
   * the HTTP client, not on the caller's thread). Call {@link #answered(Slot)} when its answer
   * comes.
   *
   * @return the retry's slot, its wait being how much longer than {@code backoff} it must wait
   */
  public Slot reserveAfter(Duration backoff) {
    long earliest = System.nanoTime() + backoff.toNanos();
    if (intervalNanos == 0) {
      return new Slot(earliest, 0, -1);
    }
    synchronized (this) {
      long start = Math.max(earliest, due());
      return take(start, start - earliest);
    }
  }

  /**
   * The earliest next start: one interval after the last start, and one window after the start it
   * replaces in the window reached the server.
   */
  private long due() {
    int oldest = (int) (taken % numbers.length);
    if (numbers[oldest] < 0) {
      return next;
    }
    long arrived =
        answers[oldest] == UNANSWERED
            ? starts[oldest] + LATEST_ARRIVAL.toNanos()
            : arrival(starts[oldest], answers[oldest], quickest);
    return Math.max(next, arrived + windowNanos);
  }

  /**
   * When a request started at {@code start} and answered at {@code answer} reached the server at
   * the latest, {@code quickest} being the shortest time from a start to its answer so far.
   */
  static long arrival(long start, long answer, long quickest) {
    long heldUp = Math.max(0, answer - start - quickest);
    return Math.min(answer, start + MARGIN.toNanos() + heldUp);
  }

  private Slot take(long start, long waited) {
    long number = taken++;
    int i = (int) (number % numbers.length);
    next = start + intervalNanos;
    numbers[i] = number;
    starts[i] = start;
    answers[i] = UNANSWERED;
    return new Slot(start, waited, number);
  }
}
