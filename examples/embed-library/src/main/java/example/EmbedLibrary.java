package example;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.ApimoClientBuilder;
import dev.apimoshell.http.ApimoException;
import dev.apimoshell.http.Exchange;
import dev.apimoshell.http.ExchangeListener;
import dev.apimoshell.http.QuotaStore;
import dev.apimoshell.http.RateLimiter;
import dev.apimoshell.http.RetryWait;
import dev.apimoshell.model.NewLead;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** apimo-shell as a library in a plain Java program: each step prints one line to check. */
public final class EmbedLibrary {
  public static void main(String[] args) throws Exception {
    System.out.println("jline absent: " + absent("org.jline.terminal.Terminal"));
    System.out.println("picocli absent: " + absent("picocli.CommandLine"));
    try (Sandbox limited = Sandbox.start(SandboxOptions.defaults().withRateLimit(10));
        Sandbox open = Sandbox.start(SandboxOptions.defaults().withRateLimit(0))) {
      sharedLimiter(limited);
      cultureSwitch(open);
      queriesExportsAndShow(open);
      refusedWrite(open);
      loggedProgress(open);
    }
    openAndClose(); // last, the other servers closed: their clients' connections are gone too
  }

  /** Two clients, one limiter of 10/s, a server refusing more than 10/s: not one 429. */
  static void sharedLimiter(Sandbox sandbox) throws Exception {
    RateLimiter limiter = RateLimiter.perSecond(10);
    AtomicLong tooMany = new AtomicLong();
    AtomicLong requests = new AtomicLong();
    ExchangeListener count =
        new ExchangeListener() {
          @Override
          public void onExchange(Exchange exchange) {
            requests.incrementAndGet();
            if (exchange.status() == 429) {
              tooMany.incrementAndGet();
            }
          }

          @Override
          public void onRetry(RetryWait retry) {
            if (retry.reason().contains("429")) {
              tooMany.incrementAndGet();
            }
          }
        };
    try (ApimoClient a = client(sandbox).rateLimiter(limiter).exchangeListener(count).build();
        ApimoClient b = client(sandbox).rateLimiter(limiter).exchangeListener(count).build()) {
      List<Thread> threads = new ArrayList<>();
      for (ApimoClient c : List.of(a, b)) {
        threads.add(
            task(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    c.agency(14).users().count();
                  }
                  return 0;
                }));
      }
      join(threads);
    }
    System.out.println("shared limiter: " + tooMany.get() + " answers 429 in " + requests + " requests");
  }

  /** One thread switches culture while seven read labels: each reader sees one culture. */
  static void cultureSwitch(Sandbox sandbox) throws Exception {
    try (ApimoClient base = client(sandbox).build()) {
      String en = base.label("property_category", 1);
      String fr = base.culture("fr").label("property_category", 1);
      var current = new java.util.concurrent.atomic.AtomicReference<>(base);
      AtomicInteger mixed = new AtomicInteger();
      AtomicInteger reads = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      threads.add(
          task(
              () -> {
                for (int i = 0; i < 2000; i++) {
                  current.set(base.culture(i % 2 == 0 ? "fr" : "en"));
                }
                return 0;
              }));
      for (int r = 0; r < 7; r++) {
        threads.add(
            task(
                () -> {
                  for (int i = 0; i < 2000; i++) {
                    ApimoClient c = current.get();
                    String expected = c.culture().equals("fr") ? fr : en;
                    if (!expected.equals(c.label("property_category", 1))) {
                      mixed.incrementAndGet();
                    }
                    reads.incrementAndGet();
                  }
                  return 0;
                }));
      }
      join(threads);
      System.out.println(
          "culture switch: " + en + "/" + fr + ", " + mixed + " mixed of " + reads + " reads");
    }
  }

  /**
   * 100 clients opened, used and closed while their server stays up: no client thread is left (nor
   * any of the others'). close() also ends the JDK HttpClient's selector thread, which Java 17 to 20
   * cannot close themselves.
   */
  static void openAndClose() throws Exception {
    try (Sandbox own = Sandbox.start(SandboxOptions.defaults().withRateLimit(0))) {
      for (int i = 0; i < 100; i++) {
        try (ApimoClient c = client(own).build()) {
          c.agency(14).users().count();
        }
      }
      long left = clientThreads();
      for (int i = 0; i < 100 && left > 0; i++) { // a thread ends a moment after it is told to
        Thread.sleep(20);
        left = clientThreads();
      }
      System.out.println("100 clients closed: " + left + " threads left");
    }
  }

  static void queriesExportsAndShow(Sandbox sandbox) throws Exception {
    try (ApimoClient c = client(sandbox).build()) {
      Path dir = Files.createTempDirectory("embed");
      long users = c.agency(14).users().count();
      long listed = c.agency(14).properties().list().size();
      long streamed = c.agency(14).contacts().stream().count();
      long exported = c.agency(14).users().export(dir.resolve("users.csv").toString()).rows();
      long json = c.agency(14).leads().export(dir.resolve("leads.json").toString()).rows();
      var shown = new java.io.ByteArrayOutputStream();
      c.agency(14).users().show(new java.io.PrintStream(shown, true, "UTF-8"), 3, "id", "email");
      System.out.println(
          "queries: users "
              + users
              + ", properties "
              + listed
              + ", contacts "
              + streamed
              + ", exported "
              + exported
              + "+"
              + json
              + ", show "
              + shown.toString("UTF-8").lines().count()
              + " lines");
    }
  }

  static void refusedWrite(Sandbox sandbox) {
    try (ApimoClient c = client(sandbox).writeGuard((url, what) -> false).build()) {
      c.agency(14).sendLead(NewLead.of("Martin", null));
      System.out.println("refused write: sent!");
    } catch (ApimoException e) {
      System.out.println("refused write: " + e.getClass().getSimpleName());
    }
  }

  /** Library code prints nothing: snapshot progress goes to System.Logger (JUL by default). */
  static void loggedProgress(Sandbox sandbox) throws Exception {
    var lines = new ConcurrentLinkedQueue<String>();
    Logger logger = Logger.getLogger("dev.apimoshell.snapshot");
    logger.setUseParentHandlers(false);
    logger.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
    try (ApimoClient c = client(sandbox).rateLimiter(RateLimiter.none()).build()) {
      Path dir = Files.createTempDirectory("snap").resolve("agency-14");
      c.snapshot(14, dir.toString());
    }
    System.out.println(
        "logged: "
            + lines.size()
            + " lines, first: "
            + lines.stream().findFirst().orElse("none").lines().findFirst().orElse(""));
  }

  private static ApimoClientBuilder client(Sandbox sandbox) {
    return ApimoClient.builder()
        .baseUrl(sandbox.baseUrl())
        .provider(sandbox.provider())
        .token(sandbox.token())
        .quotaStore(QuotaStore.none())
        .catalogCache(null);
  }

  private static long clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(
            n ->
                n.startsWith("apimo-http-")
                    || n.startsWith("HttpClient-")
                    || n.equals("apimo-shell prefetch"))
        .count();
  }

  private static boolean absent(String className) {
    try {
      Class.forName(className);
      return false;
    } catch (ClassNotFoundException e) {
      return true;
    }
  }

  /** A thread running {@code work}; a failure ends the program, as it would end a test. */
  private static Thread task(java.util.concurrent.Callable<?> work) {
    Thread thread =
        new Thread(
            () -> {
              try {
                work.call();
              } catch (Exception e) {
                e.printStackTrace();
                System.exit(2);
              }
            });
    thread.setDaemon(true);
    return thread;
  }

  private static void join(List<Thread> threads) throws InterruptedException {
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
  }
}
