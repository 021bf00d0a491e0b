package dev.apimoshell.internal.json;

/**
 * A record that can keep the object Apimo sent, so that writing it back gives what was sent: the
 * model's records are, and {@link AsSent} knows them by this alone.
 */
public interface KeepsSent {
  /** What Apimo sent for this record; null for a record built in Java. */
  SentJson sent();
}
