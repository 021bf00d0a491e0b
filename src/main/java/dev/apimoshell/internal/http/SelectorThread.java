package dev.apimoshell.internal.http;

import java.net.http.HttpClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ends the selector thread of a closed JDK {@link HttpClient} on Java 17 to 20, which have no
 * {@code HttpClient.close()}: the thread would wait in {@code epoll_wait} until the client is
 * garbage collected, and while a thread waits in native code the JVM's exit waits 300 ms for it.
 * Interrupting it ends its loop. The JDK names it {@code HttpClient-<id>-SelectorManager} and
 * prints the id in the client's {@code toString()} ({@code ...HttpClientImpl@1b2c3d(7)}); when
 * either is not so, nothing happens.
 *
 * <pre>{@code SelectorThread.interrupt(methanol.underlyingClient());}</pre>
 */
final class SelectorThread {

  private static final Pattern ID = Pattern.compile("\\((\\d+)\\)$");

  private SelectorThread() {}

  static void interrupt(HttpClient client) {
    Matcher id = ID.matcher(client.toString());
    if (!id.find()) {
      return;
    }
    String name = "HttpClient-" + id.group(1) + "-SelectorManager";
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    for (int i = 0; i < n; i++) {
      if (threads[i].getName().equals(name)) {
        threads[i].interrupt();
      }
    }
  }
}
