package dev.apimoshell.sandbox;

import java.nio.file.Path;

/**
 * How a sandbox runs: where it listens, how slow and strict it is, and what it serves.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param latencyMs delay added before every response, to mimic a distant server
 * @param rateLimit requests per second above which the sandbox answers 429; 0 turns the limit off
 * @param scale volume multiplier for generated records (contacts, properties, actions, ...)
 * @param seed seed of the generated data: the same seed always gives the same bytes
 * @param data a snapshot folder to serve instead of generated data (then scale and seed are
 *     unused); null for generated data
 * @param maxPosted most POSTed records of each kind (actions, leads) kept in memory; past it the
 *     oldest is dropped, so a client posting without end cannot exhaust the sandbox's memory
 */
public record SandboxOptions(
    int port, long latencyMs, int rateLimit, int scale, long seed, Path data, int maxPosted) {

  /** POSTed records of each kind kept unless told otherwise. */
  public static final int DEFAULT_MAX_POSTED = 10_000;

  public SandboxOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    if (latencyMs < 0) {
      throw new IllegalArgumentException("latencyMs must be >= 0: " + latencyMs);
    }
    if (rateLimit < 0) {
      throw new IllegalArgumentException("rateLimit must be >= 0: " + rateLimit);
    }
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be >= 1: " + scale);
    }
    if (maxPosted < 1) {
      throw new IllegalArgumentException("maxPosted must be >= 1: " + maxPosted);
    }
  }

  /** Keeping {@link #DEFAULT_MAX_POSTED} posted records of each kind. */
  public SandboxOptions(int port, long latencyMs, int rateLimit, int scale, long seed, Path data) {
    this(port, latencyMs, rateLimit, scale, seed, data, DEFAULT_MAX_POSTED);
  }

  /** Generated data. */
  public SandboxOptions(int port, long latencyMs, int rateLimit, int scale, long seed) {
    this(port, latencyMs, rateLimit, scale, seed, null);
  }

  /** Port 0, no latency, no rate limit, scale 1, seed 42. */
  public static SandboxOptions defaults() {
    return new SandboxOptions(0, 0, 0, 1, 42);
  }

  /** Serves the snapshot in {@code folder} (see {@code SnapshotFolder}) instead of made-up data. */
  public static SandboxOptions snapshot(Path folder) {
    return defaults().withData(folder);
  }

  public SandboxOptions withPort(int port) {
    return new SandboxOptions(port, latencyMs, rateLimit, scale, seed, data, maxPosted);
  }

  public SandboxOptions withLatencyMs(long latencyMs) {
    return new SandboxOptions(port, latencyMs, rateLimit, scale, seed, data, maxPosted);
  }

  public SandboxOptions withRateLimit(int rateLimit) {
    return new SandboxOptions(port, latencyMs, rateLimit, scale, seed, data, maxPosted);
  }

  public SandboxOptions withScale(int scale) {
    return new SandboxOptions(port, latencyMs, rateLimit, scale, seed, data, maxPosted);
  }

  public SandboxOptions withSeed(long seed) {
    return new SandboxOptions(port, latencyMs, rateLimit, scale, seed, data, maxPosted);
  }

  public SandboxOptions withData(Path data) {
    return new SandboxOptions(port, latencyMs, rateLimit, scale, seed, data, maxPosted);
  }

  public SandboxOptions withMaxPosted(int maxPosted) {
    return new SandboxOptions(port, latencyMs, rateLimit, scale, seed, data, maxPosted);
  }
}
