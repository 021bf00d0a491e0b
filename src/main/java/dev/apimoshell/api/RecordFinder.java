package dev.apimoshell.api;

import dev.apimoshell.internal.client.Endpoint;
import dev.apimoshell.internal.client.PageFetcher;
import dev.apimoshell.model.ApimoRecord;
import dev.apimoshell.model.Page;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Finds one record by id in a list endpoint, for the resources Apimo has no single-record call for.
 *
 * <p>Pages of the endpoint's maximum size are read one after the other, with no page read ahead,
 * and the search stops at the page that holds the record: it costs one request per full page before
 * it, and every page when there is no such record. Paging ends as {@link Pager}'s does (at {@code
 * total_items}, on an empty page, on a short page without a total); a server that ignores {@code
 * offset} is an error, not an endless loop.
 */
final class RecordFinder {
  private RecordFinder() {}

  /** The record with this id in the query's endpoint (its filters and limits are not used). */
  static <T extends ApimoRecord> Optional<T> find(Query<T> query, long id) {
    PageFetcher fetcher = query.fetcher;
    Endpoint<T> endpoint = query.spec.endpoint();
    int size = endpoint.maxPageSize();
    long offset = 0;
    Set<Long> previousIds = Set.of();
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("Stopped looking for id " + id + " at offset " + offset);
      }
      Page<T> page = fetcher.fetch(endpoint, Map.of(), size, offset);
      Set<Long> ids = new HashSet<>();
      for (T record : page.items()) {
        if (record.id() == id) {
          return Optional.of(record);
        }
        ids.add(record.id());
      }
      if (offset > 0 && !ids.isEmpty() && previousIds.containsAll(ids)) {
        throw new PagingException(
            "Apimo returned the same records for offset "
                + offset
                + " as for the page before: it seems to ignore 'offset'. Stopped looking for id "
                + id
                + " instead of looping forever.",
            endpoint.path() + "?limit=" + size + "&offset=" + offset);
      }
      previousIds = ids;
      offset += page.positions();
      long total = page.totalItems();
      boolean end =
          page.positions() == 0 || (total >= 0 ? offset >= total : page.positions() < size);
      if (end) {
        return Optional.empty();
      }
    }
  }
}
