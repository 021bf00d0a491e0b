package dev.apimoshell.shell;

import dev.apimoshell.ApimoClient;
import java.util.function.Supplier;

/**
 * A session's client made on first use: a script runs its first snippet while the HTTP stack (a few
 * hundred milliseconds of CPU on a 2-core machine) is still to be built, and {@code -e '1+1'} never
 * builds it. The client, or the failure, is remembered: the command line reports a failure to
 * connect in one line once the script ends.
 *
 * <pre>{@code
 * LazyClient client = new LazyClient(() -> connection.join().client());
 * builder.client(client); // Apimo.* in the session asks it on first use
 * }</pre>
 */
final class LazyClient implements Supplier<ApimoClient> {

  private final Supplier<ApimoClient> connect;
  private ApimoClient client;
  private RuntimeException failure;

  LazyClient(Supplier<ApimoClient> connect) {
    this.connect = connect;
  }

  /** The client, made at the first call; the same failure again when making it failed. */
  @Override
  public synchronized ApimoClient get() {
    if (client == null && failure == null) {
      try {
        client = connect.get();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
    return client;
  }

  /** Why the client could not be made, or null (also when nothing asked for it). */
  synchronized RuntimeException failure() {
    return failure;
  }

  /** The client if it was made, else null: nothing is connected to close it. */
  synchronized ApimoClient ifMade() {
    return client;
  }
}
