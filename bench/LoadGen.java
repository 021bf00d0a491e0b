import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load for scripts/bench-sandbox: for each path, {@code threads} clients send GETs back
 * to back (warm-up first, then a measured window) and it prints "path rps bytes/response". Usage:
 * java LoadGen.java BASE_URL PROVIDER:TOKEN SECONDS THREADS PATH...
 */
public class LoadGen {

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String auth =
        "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
    int seconds = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int p = 4; p < args.length; p++) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + args[p])).header("Authorization", auth).build();
      run(client, request, threads, 2);
      long[] result = run(client, request, threads, seconds);
      System.out.printf(
          "%s %.1f %d%n",
          args[p], result[0] / (double) seconds, result[1] / Math.max(1, result[0]));
    }
  }

  /** Returns {responses, bytes} over the window; fails on any non-200. */
  private static long[] run(HttpClient client, HttpRequest request, int threads, int seconds)
      throws Exception {
    AtomicLong responses = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < end) {
                    HttpResponse<byte[]> response =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                      throw new IllegalStateException(
                          request.uri() + " answered " + response.statusCode());
                    }
                    responses.incrementAndGet();
                    bytes.addAndGet(response.body().length);
                  }
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              });
      workers[t].start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return new long[] {responses.get(), bytes.get()};
  }
}
