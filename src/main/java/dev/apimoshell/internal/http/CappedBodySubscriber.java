package dev.apimoshell.internal.http;

import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.internal.text.Sizes;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a body as it arrives, refusing it as soon as it passes the byte cap (or announces more
 * in {@code Content-Length}) or takes longer than the body timeout. Anything thrown while
 * collecting, an {@link OutOfMemoryError} included, fails the body's future instead of being lost
 * in the HTTP client's threads, so the caller always gets an answer.
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {
  private final long maxBytes;
  private final long timeoutNanos;
  private final java.time.Duration timeout;
  private final OptionalLong declaredLength;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final List<byte[]> chunks = new ArrayList<>();
  private Flow.Subscription subscription;
  private long received;
  private long startNanos;

  CappedBodySubscriber(ApimoConfig.Limits limits, OptionalLong declaredLength) {
    this.maxBytes = limits.effectiveMaxBodyBytes();
    this.timeout = limits.bodyTimeout();
    this.timeoutNanos = limits.bodyTimeout().toNanos();
    this.declaredLength = declaredLength;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    startNanos = System.nanoTime();
    if (declaredLength.isPresent() && declaredLength.getAsLong() > maxBytes) {
      fail(
          BodyLimitException.tooLarge(
              maxBytes, "the body announces " + Sizes.human(declaredLength.getAsLong()) + ","));
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    try {
      for (ByteBuffer buffer : buffers) {
        received += buffer.remaining();
        if (received > maxBytes) {
          fail(BodyLimitException.tooLarge(maxBytes, "the body is"));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        chunks.add(chunk);
      }
      if (System.nanoTime() - startNanos > timeoutNanos) {
        fail(BodyLimitException.tooSlow(timeout, received));
      }
    } catch (Throwable t) { // an Error here must still end the request
      fail(t);
    }
  }

  /**
   * A body that ended before the length its {@code Content-Length} announced: the message says how
   * many bytes came of how many. An {@link IOException}, retried as a network failure is.
   */
  static final class CutBodyException extends IOException {
    /** The JDK's own words for a short body, when it ends the exchange before the subscriber. */
    private static final java.util.regex.Pattern JDK_SHORT =
        java.util.regex.Pattern.compile("fixed content-length: (\\d+), bytes received: (\\d+)");

    /** {@code failure} as a cut body when it is the JDK saying so; else null. */
    static CutBodyException fromJdk(Throwable failure) {
      if (failure instanceof IOException && failure.getMessage() != null) {
        var m = JDK_SHORT.matcher(failure.getMessage());
        if (m.find()) {
          return new CutBodyException(
              Long.parseLong(m.group(2)), Long.parseLong(m.group(1)), failure);
        }
      }
      return null;
    }

    CutBodyException(long received, long declared, Throwable cause) {
      super(
          Sizes.human(received)
              + " received of the "
              + Sizes.human(declared)
              + " its Content-Length announced ("
              + received
              + " of "
              + declared
              + " bytes)",
          cause);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    chunks.clear();
    boolean endedEarly =
        throwable instanceof IOException
            && !(throwable instanceof java.net.http.HttpTimeoutException)
            && !(throwable instanceof BodyLimitException);
    if (endedEarly && declaredLength.isPresent() && received < declaredLength.getAsLong()) {
      result.completeExceptionally(
          new CutBodyException(received, declaredLength.getAsLong(), throwable));
    } else {
      result.completeExceptionally(throwable);
    }
  }

  @Override
  public void onComplete() {
    try {
      byte[] body = new byte[(int) received];
      int at = 0;
      for (byte[] chunk : chunks) {
        System.arraycopy(chunk, 0, body, at, chunk.length);
        at += chunk.length;
      }
      chunks.clear();
      result.complete(body);
    } catch (Throwable t) {
      chunks.clear();
      result.completeExceptionally(t);
    }
  }

  private void fail(Throwable t) {
    chunks.clear();
    result.completeExceptionally(t);
    if (subscription != null) {
      subscription.cancel();
    }
  }
}
