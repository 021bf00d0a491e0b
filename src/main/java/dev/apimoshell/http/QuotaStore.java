package dev.apimoshell.http;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a client keeps its daily request count per provider (Apimo allows 1,000 requests a day), so
 * that clients, and with {@link #folder} separate runs, add up. Clients count in memory and hand
 * their counts to the store in batches, so the store is not touched on every request.
 *
 * <pre>{@code
 * var store = QuotaStore.folder(Path.of("/var/cache/my-app/apimo-quota"));
 * var client = ApimoClient.builder().provider("1234").token(token).quotaStore(store).build();
 * }</pre>
 *
 * <p>Implementations are safe for use by several threads.
 */
public interface QuotaStore {

  /**
   * Adds {@code requests} (0 to only read) to the count of {@code key} for {@code day} and returns
   * the new total of that day; another day's count starts again from zero. A negative answer means
   * the store could not be reached: the client keeps counting in memory.
   *
   * @param key the provider on its server, made of letters, digits, dots, dashes and underscores
   */
  long add(String key, LocalDate day, long requests);

  /** Counts kept in this process only, shared by every client given this store. */
  static QuotaStore inMemory() {
    return new MemoryQuotaStore();
  }

  /**
   * Counts kept in small files of {@code dir}, one per provider, shared by every process that uses
   * the same folder (a file lock keeps concurrent runs from losing counts). When the disk refuses,
   * the count lives on in memory.
   */
  static QuotaStore folder(Path dir) {
    return new FolderQuotaStore(Objects.requireNonNull(dir, "quotaStore folder"));
  }

  /** No counting at all: quota notices and warnings are off. */
  static QuotaStore none() {
    return NoQuotaStore.INSTANCE;
  }

  /**
   * A one-line notice about the store's own files, once: a damaged count file moved aside, a folder
   * that cannot be written. Null when there is nothing to say; a store in memory never has one.
   */
  default String takeNotice() {
    return null;
  }
}
