package dev.apimoshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as a shared server: what it keeps from POSTs is bounded, and {@code /__stats} is
 * behind the API's credentials and never collects garbage on demand.
 */
class SandboxBoundsTest {
  private static final long FIRST_POSTED_LEAD = 950_000_000_001L;

  @Test
  void postedRecordsAreCappedTheOldestDropped() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withMaxPosted(3))) {
      for (int i = 1; i <= 5; i++) {
        assertThat(
                SandboxHttp.post(sandbox, "/agencies/14/leads", "{\"lastname\":\"Lead " + i + "\"}")
                    .status())
            .isEqualTo(200);
      }

      assertThat(postedLeads(sandbox))
          .containsExactly(FIRST_POSTED_LEAD + 2, FIRST_POSTED_LEAD + 3, FIRST_POSTED_LEAD + 4);
      JsonNode posted = SandboxHttp.get(sandbox, "/__stats").json().path("posted");
      assertThat(posted.path("leads").asInt()).isEqualTo(3);
      assertThat(posted.path("max_per_kind").asInt()).isEqualTo(3);
      assertThat(posted.path("dropped").asInt()).isEqualTo(2);
    }
  }

  @Test
  void theBoundIsAFlagOfTheLauncherWithADefault() {
    var main = new SandboxMain();
    new picocli.CommandLine(main).parseArgs("--max-posted", "50");
    assertThat(main.maxPosted).isEqualTo(50);
    assertThat(SandboxOptions.defaults().maxPosted()).isEqualTo(10_000);
  }

  @Test
  void statsNeedTheApiCredentials() {
    try (Sandbox sandbox = Sandbox.start()) {
      assertThat(SandboxHttp.getWith(sandbox, "/__stats").status()).isEqualTo(401);
      assertThat(
              SandboxHttp.getWith(
                      sandbox, "/__stats", "Authorization", SandboxHttp.basic("1", "guess"))
                  .status())
          .isEqualTo(401);
      SandboxHttp.Reply stats = SandboxHttp.get(sandbox, "/__stats");
      assertThat(stats.status()).isEqualTo(200);
      assertThat(stats.json().path("requests_served").asLong()).isPositive();
    }
  }

  @Test
  void statsNeverForceAGarbageCollection() {
    try (Sandbox sandbox = Sandbox.start()) {
      long before = fullCollections();
      for (int i = 0; i < 5; i++) {
        assertThat(SandboxHttp.get(sandbox, "/__stats?gc=true").status()).isEqualTo(200);
      }
      // Five forced collections would add five; the JVM's own may add one.
      assertThat(fullCollections() - before).isLessThan(5);
    }
  }

  private static List<Long> postedLeads(Sandbox sandbox) {
    long total =
        SandboxHttp.get(sandbox, "/agencies/14/leads?limit=1").json().path("total_items").asLong();
    var ids = new ArrayList<Long>();
    for (JsonNode lead :
        SandboxHttp.get(sandbox, "/agencies/14/leads?limit=10&offset=" + Math.max(0, total - 10))
            .json()
            .path("leads")) {
      if (lead.path("id").asLong() >= FIRST_POSTED_LEAD) {
        ids.add(lead.path("id").asLong());
      }
    }
    return ids;
  }

  /** Collections of the whole heap (the old generation's collector), which System.gc() runs. */
  private static long fullCollections() {
    long count = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      String name = gc.getName();
      if (name.contains("Old") || name.contains("MarkSweep") || name.contains("Full")) {
        count += gc.getCollectionCount();
      }
    }
    return count;
  }
}
