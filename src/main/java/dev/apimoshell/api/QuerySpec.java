package dev.apimoshell.api;

import dev.apimoshell.internal.client.Endpoint;
import dev.apimoshell.model.ApimoRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything a {@link Query} says, and nothing it does: endpoint, server-side filters, client-side
 * predicate, limit, offset, page size. Immutable.
 *
 * @param limit most records to return, or -1 for all
 * @param filter client-side predicate, or null for none
 * @param parallel pages in flight at once, or 0 for the client's setting
 */
record QuerySpec<T>(
    Endpoint<T> endpoint,
    Map<String, String> params,
    Predicate<? super T> filter,
    long limit,
    long offset,
    int pageSize,
    int parallel) {

  static <T> QuerySpec<T> of(Endpoint<T> endpoint) {
    return new QuerySpec<>(endpoint, Map.of(), null, -1, 0, endpoint.maxPageSize(), 0);
  }

  QuerySpec<T> withParam(String name, Object value) {
    var copy = new LinkedHashMap<>(params);
    copy.put(name, String.valueOf(value));
    return new QuerySpec<>(
        endpoint, Collections.unmodifiableMap(copy), filter, limit, offset, pageSize, parallel);
  }

  @SuppressWarnings("unchecked")
  QuerySpec<T> and(Predicate<? super T> more) {
    Predicate<T> combined =
        filter == null ? (Predicate<T>) more : ((Predicate<T>) filter).and(more);
    return new QuerySpec<>(endpoint, params, combined, limit, offset, pageSize, parallel);
  }

  QuerySpec<T> withLimit(long n) {
    return new QuerySpec<>(endpoint, params, filter, n, offset, pageSize, parallel);
  }

  QuerySpec<T> withOffset(long n) {
    return new QuerySpec<>(endpoint, params, filter, limit, n, pageSize, parallel);
  }

  QuerySpec<T> withParallel(int n) {
    return new QuerySpec<>(endpoint, params, filter, limit, offset, pageSize, n);
  }

  /**
   * The same records left as Apimo sent them ({@link Endpoint#asSent()}): for an export with no
   * client-side filter, which would need typed records.
   */
  QuerySpec<ApimoRecord> asSent() {
    if (filter != null) {
      throw new IllegalStateException("a where(...) reads typed records");
    }
    return new QuerySpec<>(endpoint.asSent(), params, null, limit, offset, pageSize, parallel);
  }

  QuerySpec<T> withPageSize(int n) {
    return new QuerySpec<>(endpoint, params, filter, limit, offset, n, parallel);
  }
}
