package dev.apimoshell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.http.ApimoException;
import dev.apimoshell.http.PageListener;
import dev.apimoshell.http.QuotaStore;
import dev.apimoshell.http.RateLimiter;
import dev.apimoshell.internal.http.KnownTokens;
import dev.apimoshell.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApimoClientBuilderTest {
  private Sandbox sandbox;

  @BeforeAll
  void start() {
    sandbox = Sandbox.start();
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  private ApimoClientBuilder builder() {
    return ApimoClient.builder()
        .baseUrl(sandbox.baseUrl())
        .provider(sandbox.provider())
        .token(sandbox.token())
        .quotaStore(QuotaStore.none())
        .catalogCache((Path) null);
  }

  @Test
  void settersCheckAtOnceAndNameTheSetting() {
    var builder = ApimoClient.builder();
    assertThatThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout must be positive, was PT-1S");
    assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO))
        .hasMessage("readTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> builder.retries(-1, Duration.ZERO, Duration.ZERO))
        .hasMessage("retries must be >= 0, was -1");
    assertThatThrownBy(() -> builder.culture("french")).hasMessageContaining("Not a culture");
    assertThatThrownBy(() -> builder.baseUrl("ftp://x"))
        .hasMessageContaining("Not a valid base URL");
    assertThatThrownBy(() -> RateLimiter.perSecond(-2)).hasMessageContaining("rateLimiter");
    assertThat(builder.token("s3cret-token").toString()).doesNotContain("s3cret");
  }

  @Test
  void cultureGivesANewClientAndLeavesThisOne() {
    try (ApimoClient en = builder().build()) {
      ApimoClient fr = en.culture("fr");
      assertThat(fr.label("property_category", 1)).isEqualTo("Vente");
      assertThat(en.label("property_category", 1)).isNotEqualTo("Vente");
      assertThat(en.culture()).isEqualTo("en");
      assertThat(fr.http()).isSameAs(en.http());
    }
  }

  @Test
  void parallelAndPageListenersGiveNewClientsSharingTheConnection() {
    var pages = new AtomicInteger();
    PageListener counting = (path, fetched, expected) -> pages.incrementAndGet();
    try (ApimoClient plain = builder().build()) {
      ApimoClient eight = plain.parallel(8);
      assertThat(eight.parallel()).isEqualTo(8);
      assertThat(plain.parallel()).isEqualTo(4);
      assertThat(eight.session().http()).isSameAs(plain.session().http());

      ApimoClient listened = eight.withPageListener(counting).withPageListener(counting);
      assertThat(listened.parallel()).isEqualTo(8);
      plain.agency(14).users().pageSize(10).list();
      assertThat(pages).hasValue(0);
      listened.agency(14).users().pageSize(10).list();
      assertThat(pages).as("one page listener, told of 4 pages once each").hasValue(4);
      assertThat(listened.culture("fr").agency(14).users().pageSize(20).list()).hasSize(40);
      assertThat(pages).as("a culture switch keeps the listener").hasValue(6);

      try (ApimoClient built = builder().pageListener(counting).parallel(2).build()) {
        assertThat(built.parallel()).isEqualTo(2);
        built.agency(14).users().pageSize(40).list();
        assertThat(pages).hasValue(7);
      }
    }
  }

  @Test
  void httpIsAReadOnlyViewNotTheEngine() throws Exception {
    try (ApimoClient client = builder().build()) {
      assertThat(ApimoClient.class.getMethod("http").getReturnType())
          .isEqualTo(dev.apimoshell.http.HttpView.class);
      assertThat(client.http().getClass().getPackageName()).startsWith("dev.apimoshell.internal");
      assertThat(client.http().getClass().getMethods())
          .extracting(java.lang.reflect.Method::getName)
          .doesNotContain("get", "postJson", "close", "config", "limiter");
      var seen = new java.util.ArrayList<String>();
      client.http().addListener(exchange -> seen.add(exchange.url()));
      client.agency(14).users().count();
      assertThat(seen).singleElement().asString().contains("/agencies/14/users");
      assertThat(client.http().lastExchange().status()).isEqualTo(200);
      assertThat(client.culture("fr").http()).isSameAs(client.http());
    }
  }

  @Test
  void newBuilderSharesTheConnectionUntilAConnectionSettingChanges() {
    var limiter = RateLimiter.perSecond(50);
    try (ApimoClient a = builder().rateLimiter(limiter).build()) {
      ApimoClient same = a.newBuilder().culture("fr").build();
      assertThat(same.http()).isSameAs(a.http());
      assertThat(same.culture()).isEqualTo("fr");
      try (ApimoClient other = a.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()) {
        assertThat(other.http()).isNotSameAs(a.http());
        assertThat(other.session().http().limiter()).isSameAs(limiter);
        assertThat(other.agency(14).users().count()).isEqualTo(40);
      }
    }
  }

  @Test
  void closeEndsTheJdkClientsSelectorThreadWhileTheServerIsStillUp() throws Exception {
    java.util.Set<Thread> before = selectorThreads();
    ApimoClient client = builder().build();
    client.agency(14).users().count();
    java.util.Set<Thread> own = selectorThreads();
    own.removeAll(before);
    assertThat(own).as("the client's own selector thread").hasSize(1);

    client.close();

    Thread selector = own.iterator().next();
    selector.join(10_000);
    assertThat(selector.isAlive()).as(selector.getName() + " after close()").isFalse();
  }

  private static java.util.Set<Thread> selectorThreads() {
    java.util.Set<Thread> threads = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
    threads.removeIf(t -> !t.getName().matches("HttpClient-\\d+-SelectorManager"));
    return threads;
  }

  @Test
  void aClosedClientFailsClearlyAndItsTokenIsForgotten() {
    ApimoClient client = builder().build();
    client.agency(14).users().count();
    client.close();
    client.close(); // idempotent

    assertThatThrownBy(() -> client.agency(14).users().count())
        .isInstanceOf(ApimoException.class)
        .hasMessageContaining("closed");
    // A token of its own: other tests' clients of the sandbox are alive in this JVM.
    String own = "own-token-" + System.nanoTime();
    ApimoClient owner = builder().token(own).build();
    assertThat(KnownTokens.appearIn("var t = \"" + own + "\"")).isTrue();
    owner.close();
    assertThat(KnownTokens.appearIn("var t = \"" + own + "\"")).isFalse();
  }

  @Test
  void theSandboxLeavesTheSystemPropertiesAsItFoundThem() {
    assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isNull();
    assertThat(System.getProperty("sun.net.httpserver.nodelay")).isNull();
  }

  @Test
  void aFolderQuotaStoreAddsUpAcrossClientsAndIsWrittenInBatches(@TempDir Path dir) {
    QuotaStore store = QuotaStore.folder(dir);
    LocalDate day = LocalDate.of(2026, 11, 29);
    assertThat(store.add("k", day, 3)).isEqualTo(3);
    assertThat(QuotaStore.folder(dir).add("k", day, 2)).isEqualTo(5);
    assertThat(store.add("k", day.plusDays(1), 0)).isZero();
    QuotaStore memory = QuotaStore.inMemory();
    assertThat(memory.add("k", day, 1) + memory.add("k", day, 1)).isEqualTo(3);
    assertThat(QuotaStore.none().add("k", day, 10)).isZero();
  }

  @Test
  void theQuotaCounterWritesItsStoreInBatchesNotOnEveryRequest() {
    var calls = new java.util.concurrent.atomic.AtomicInteger();
    QuotaStore memory = QuotaStore.inMemory();
    QuotaStore counting =
        (key, day, requests) -> {
          calls.incrementAndGet();
          return memory.add(key, day, requests);
        };
    var counter =
        new dev.apimoshell.internal.http.QuotaCounter(
            counting,
            java.net.URI.create("https://api.apimo.pro"),
            "1",
            java.time.Clock.fixed(
                java.time.Instant.parse("2026-11-29T10:00:00Z"), java.time.ZoneOffset.UTC));
    for (int i = 0; i < 30; i++) {
      counter.countOne();
    }
    assertThat(calls.get()).isLessThan(30 / 5);
    counter.flush();
    assertThat(counter.usage().used()).isEqualTo(30);
  }
}
