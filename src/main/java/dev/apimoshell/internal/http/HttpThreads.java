package dev.apimoshell.internal.http;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/** The threads of a session's own HTTP executor: daemons named {@code apimo-http-N}. */
enum HttpThreads implements ThreadFactory {
  INSTANCE;

  /** The prefix of every such thread's name, so a test can count them. */
  static final String PREFIX = "apimo-http-";

  private final AtomicLong next = new AtomicLong();

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, PREFIX + next.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
