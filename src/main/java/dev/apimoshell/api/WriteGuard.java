package dev.apimoshell.api;

/**
 * Asked before every write. The library allows all writes; the interactive shell installs a guard
 * that asks the user before writing anywhere but the sandbox.
 */
@FunctionalInterface
public interface WriteGuard {
  /**
   * @param description what is about to be written where, in one sentence
   */
  boolean allow(String description);
}
