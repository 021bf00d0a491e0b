package dev.apimoshell.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /__stats}: a debug view for benchmarks (requests served, heap in use, volumes per
 * agency). Not part of Apimo's API; needs no auth, which is acceptable because the sandbox binds to
 * 127.0.0.1 only and serves made-up data.
 */
final class Stats {

  private final SandboxSource source;
  private final AtomicLong requests;

  Stats(SandboxSource source, AtomicLong requests) {
    this.source = source;
    this.requests = requests;
  }

  /**
   * @param gc collect garbage first, so the heap figure is what the sandbox really retains
   */
  Json.Body body(boolean gc) {
    if (gc) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return g -> {
      g.writeStartObject();
      g.writeNumberField("requests_served", requests.get());
      g.writeNumberField("heap_used_bytes", runtime.totalMemory() - runtime.freeMemory());
      g.writeNumberField("heap_committed_bytes", runtime.totalMemory());
      g.writeNumberField("heap_max_bytes", runtime.maxMemory());
      source.writeStats(g);
      g.writeEndObject();
    };
  }
}
