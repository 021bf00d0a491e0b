package dev.apimoshell.http;

import java.net.URI;

/**
 * Asked before every write. The library allows all writes; the shell installs one guard for every
 * client of the process ({@code Apimo.guardWrites}) that lets writes to its embedded sandbox
 * through and asks the user (or wants {@code --yes}) for anything else.
 */
@FunctionalInterface
public interface WriteGuard {
  WriteGuard ALLOW_ALL = (target, description) -> true;

  /**
   * @param target the base URL the write goes to
   * @param description what is about to be written where, in one sentence
   */
  boolean allow(URI target, String description);
}
