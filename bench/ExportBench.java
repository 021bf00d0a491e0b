import dev.apimoshell.ApimoClient;
import dev.apimoshell.api.AgencyRef;
import dev.apimoshell.internal.client.CatalogCache;
import dev.apimoshell.export.ExportSummary;
import dev.apimoshell.export.ExportOptions;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.model.User;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exports every action of an agency's users to CSV ({@code agency.actions().export(...)}), and
 * downloads the same pages with a plain HTTP loop that throws the bytes away, keeping as many pages
 * in flight as the export does: the ratio of the two rates, measured in the same run against the
 * same server, is the cost of parsing, flattening and writing. Run by bench/export with a small
 * heap.
 */
public final class ExportBench {
  public static void main(String[] args) throws Exception {
    String base = System.getenv("APIMO_BASE_URL");
    String provider = System.getenv("APIMO_PROVIDER");
    String token = System.getenv("APIMO_TOKEN");
    long agencyId = Long.parseLong(args.length > 0 ? args[0] : "14");
    Path target = Path.of(args.length > 1 ? args[1] : "target/bench-actions.csv");

    ApimoClient client =
        ApimoClient.connect(
            ApimoConfig.of(base, provider, token).withRequestsPerSecond(0), CatalogCache.none());
    AgencyRef agency = client.agency(agencyId);
    List<User> users = agency.users().list();
    long[] totals = users.stream().mapToLong(u -> agency.user(u.id()).actions().count()).toArray();
    long expected = java.util.Arrays.stream(totals).sum();
    System.out.printf(
        "agency %d: %d users, %,d actions; max heap %d MB%n",
        agencyId, users.size(), expected, Runtime.getRuntime().maxMemory() >> 20);

    // Baseline: the same pages (limit 1000), gzip like the client, body to /dev/null, as many in
    // flight as the export keeps (the client's default parallel(4)).
    int inFlight = dev.apimoshell.internal.client.PageFetcher.DEFAULT_PARALLEL;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((provider + ":" + token).getBytes(StandardCharsets.UTF_8));
    var urls = new ArrayList<URI>();
    for (int i = 0; i < users.size(); i++) {
      for (long offset = 0; offset < totals[i]; offset += 1000) {
        urls.add(
            URI.create(
                base
                    + "/agencies/"
                    + agencyId
                    + "/users/"
                    + users.get(i).id()
                    + "/actions?limit=1000&offset="
                    + offset));
      }
    }
    long start = System.nanoTime();
    long cpuStart = cpuNanos();
    var bytes = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(inFlight);
    var downloads = new ArrayList<Future<?>>();
    for (URI url : urls) {
      downloads.add(
          pool.submit(
              () -> {
                var request =
                    HttpRequest.newBuilder(url)
                        .header("Authorization", auth)
                        .header("Accept-Encoding", "gzip")
                        .build();
                try (InputStream body =
                    http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
                  bytes.addAndGet(body.transferTo(OutputStream.nullOutputStream()));
                }
                return null;
              }));
    }
    for (Future<?> download : downloads) {
      download.get();
    }
    pool.shutdown();
    long pages = urls.size();
    double downloadSeconds = (System.nanoTime() - start) / 1e9;
    double downloadCpu = (cpuNanos() - cpuStart) / 1e9;
    System.out.printf(
        "download only, %d pages in flight: %,d pages, %,d MB (gzip) in %.1f s = %,.0f records/s;"
            + " %.1f s of CPU%n",
        inFlight,
        pages,
        bytes.get() >> 20, downloadSeconds, expected / downloadSeconds, downloadCpu);
    cpuStart = cpuNanos();

    // The export as a script writes it: the query, all columns, its default pages in flight.
    ExportSummary summary = agency.actions().export(target, ExportOptions.defaults());
    double exportSeconds = summary.elapsed().toNanos() / 1e9;
    double exportCpu = (cpuNanos() - cpuStart) / 1e9;
    System.out.printf(
        "export to CSV: %s = %,.0f rows/s; %.1f s of CPU (%.1f x the download's; this process"
            + " only, not the server's)%n",
        summary, summary.rows() / exportSeconds, exportCpu, exportCpu / downloadCpu);
    System.out.printf(
        "ratio export/download rate: %.2f%n",
        (summary.rows() / exportSeconds) / (expected / downloadSeconds));
    long peakHeap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum();
    System.out.printf(
        "peak heap used (sum of pool peaks): %d MB; CSV size %d MB%n",
        peakHeap >> 20, Files.size(target) >> 20);
    if (summary.rows() != expected) {
      System.out.println("MISMATCH: exported " + summary.rows() + " of " + expected);
      System.exit(1);
    }
  }

  /** CPU time of this process: unlike elapsed time, hardly changed by other work on the machine. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
