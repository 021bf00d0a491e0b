package dev.apimoshell.http;

import java.time.LocalDate;

/** {@link QuotaStore#none()}: nothing counted. */
enum NoQuotaStore implements QuotaStore {
  INSTANCE;

  @Override
  public long add(String key, LocalDate day, long requests) {
    return 0;
  }

  @Override
  public String toString() {
    return "QuotaStore.none()";
  }
}
