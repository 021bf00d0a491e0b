package dev.apimoshell.internal.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a {@link RowWriter} on a thread of its own, fed in order through a bounded queue, so that
 * flattening and writing one page overlaps with fetching and decoding the next.
 *
 * <pre>{@code
 * var thread = new WriterThread(writer);
 * try {
 *   for (Object row : rows) {
 *     thread.write(row); // blocks while the writer is QUEUED batches behind
 *   }
 *   thread.finish();     // every row written, or the writer's failure thrown here
 * } finally {
 *   thread.close();      // after a failure too: what was handed over is written
 * }
 * }</pre>
 *
 * <p>Rows travel in batches of {@value #BATCH}, at most {@value #QUEUED} batches queued: memory
 * stays a few thousand rows whatever the export's size. A failure of the writer (disk full, a row
 * it cannot write) is thrown by the next {@link #write} or by {@link #finish}, unchanged; later
 * rows are then dropped. {@link #close} without {@code finish} (the stream failed, Ctrl-C) still
 * writes what was handed over, so {@link #written()} counts every row the source delivered.
 */
final class WriterThread implements AutoCloseable {
  static final int BATCH = 256;
  static final int QUEUED = 8;
  private static final List<Object> END = new ArrayList<>(0);

  private final RowWriter writer;
  private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(QUEUED);
  private final Thread thread;
  private List<Object> batch = new ArrayList<>(BATCH);
  private volatile Throwable failure;
  private volatile long written;
  private boolean ended;

  WriterThread(RowWriter writer) {
    this.writer = writer;
    this.thread = new Thread(this::run, "apimo-shell export writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues one row; throws the writer's failure, if any, or when this thread is interrupted. */
  void write(Object row) throws IOException {
    throwFailure();
    batch.add(row);
    if (batch.size() == BATCH) {
      hand(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  /** Waits until every row queued is written; throws the writer's failure, if any. */
  void finish() throws IOException {
    end();
    throwFailure();
  }

  /** The rows written so far; all of them once {@link #finish} or {@link #close} returned. */
  long written() {
    return written;
  }

  /** Lets the writer write what it was given and waits for it (uninterruptibly: it is short). */
  @Override
  public void close() {
    end();
  }

  private void end() {
    if (ended) {
      return;
    }
    ended = true;
    boolean interrupted = false;
    List<List<Object>> last = batch.isEmpty() ? List.of(END) : List.of(batch, END);
    for (List<Object> item : last) {
      while (true) {
        try {
          queue.put(item);
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void hand(List<Object> rows) throws IOException {
    try {
      queue.put(rows);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  private void throwFailure() throws IOException {
    Throwable t = failure;
    if (t instanceof IOException io) {
      throw io;
    } else if (t instanceof RuntimeException runtime) {
      throw runtime;
    } else if (t instanceof Error error) {
      throw error;
    } else if (t != null) {
      throw new IOException(t);
    }
  }

  private void run() {
    try {
      for (List<Object> rows = queue.take(); rows != END; rows = queue.take()) {
        if (failure == null) {
          writeAll(rows);
        }
      }
    } catch (InterruptedException e) {
      failure = new InterruptedIOException("export writer interrupted");
    }
  }

  private void writeAll(List<Object> rows) {
    try {
      for (Object row : rows) {
        writer.write(row);
        written++;
      }
    } catch (Throwable t) { // an Error too must reach the caller, not die with this thread
      failure = t;
    }
  }
}
