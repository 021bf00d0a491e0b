package dev.apimoshell.sandbox;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /__stats}: a debug view for benchmarks (requests served, heap in use, volumes per
 * agency, posted records kept). Not part of Apimo's API. Behind the same credentials as the API (a
 * sandbox replaying a snapshot serves real data to whoever has the token, and nobody else), and it
 * never collects garbage on demand: the heap after the JVM's last own collection is given instead
 * ({@code jcmd PID GC.run} first, for a figure after a full collection).
 *
 * <pre>{@code curl -u 1:sandbox-token http://127.0.0.1:PORT/__stats}</pre>
 */
final class Stats {

  private final SandboxSource source;
  private final AtomicLong requests;

  Stats(SandboxSource source, AtomicLong requests) {
    this.source = source;
    this.requests = requests;
  }

  Json.Body body() {
    Runtime runtime = Runtime.getRuntime();
    long afterGc = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage collected = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && collected != null) {
        afterGc += collected.getUsed();
      }
    }
    long heapAfterGc = afterGc;
    return g -> {
      g.writeStartObject();
      g.writeNumberField("requests_served", requests.get());
      g.writeNumberField("heap_used_bytes", runtime.totalMemory() - runtime.freeMemory());
      g.writeNumberField("heap_used_after_last_gc_bytes", heapAfterGc);
      g.writeNumberField("heap_committed_bytes", runtime.totalMemory());
      g.writeNumberField("heap_max_bytes", runtime.maxMemory());
      source.writeStats(g);
      g.writeEndObject();
    };
  }
}
