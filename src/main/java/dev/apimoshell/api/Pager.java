package dev.apimoshell.api;

import dev.apimoshell.model.ApimoRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Walks a list endpoint page by page, fetching the next page only when the previous one is used up.
 *
 * <p>Paging ends when {@code offset} reaches {@code total_items}, on an empty page, or on a short
 * page when the server gave no total. A short page with a total that says more is not the end: a
 * server that caps {@code limit} lower than we think would otherwise lose records silently. Records
 * repeated across neighbouring pages (offset paging over data that changes) are delivered once, by
 * id, remembering one page of ids so memory stays constant. A page made only of repeats means the
 * server ignores {@code offset}: that is an error, not an endless loop.
 *
 * <p>Reading ahead: from the second page on (or the first, with {@code prefetch}), the next page is
 * requested as soon as a page arrives, so the network works while the caller processes records. One
 * page ahead at most, so memory stays bounded; {@code first()} still costs one request.
 */
final class Pager<T> implements Iterator<T>, AutoCloseable {
  private final PageFetcher fetcher;
  private final QuerySpec<T> spec;
  private final long wanted;
  private final boolean prefetch;
  private Future<Page<T>> ahead;
  private int pagesFetched;
  private long nextOffset;
  private long pageOffset;
  private long delivered;
  private long total = -1;
  private boolean finished;
  private Iterator<T> current = Collections.emptyIterator();
  private Set<Long> previousIds = Set.of();

  /**
   * @param wanted records the caller will take at most (-1 if unknown), to ask no more than needed
   * @param prefetch read ahead from the first page on (the caller will read everything)
   */
  Pager(PageFetcher fetcher, QuerySpec<T> spec, long wanted, boolean prefetch) {
    this.fetcher = fetcher;
    this.spec = spec;
    this.wanted = wanted;
    this.prefetch = prefetch;
    this.nextOffset = spec.offset();
    this.pageOffset = spec.offset();
  }

  /** The offset of the page being delivered: resuming there repeats some records but loses none. */
  long pageOffset() {
    return pageOffset;
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && !finished) {
      fetchNextPage();
    }
    return current.hasNext();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  private void fetchNextPage() {
    if (Thread.currentThread().isInterrupted()) {
      close();
      throw new CancellationException(
          "Stopped after " + delivered + " records (offset " + nextOffset + ")");
    }
    int ask = nextAsk();
    if (ask <= 0) {
      finished = true;
      return;
    }
    pageOffset = nextOffset;
    Page<T> page =
        ahead != null
            ? await(ahead)
            : fetcher.fetch(spec.endpoint(), spec.params(), ask, pageOffset);
    ahead = null;
    pagesFetched++;
    total = page.totalItems();
    nextOffset += page.positions();
    boolean reachedTotal = total >= 0 && nextOffset >= total;
    boolean shortWithoutTotal = total < 0 && page.positions() < ask;
    finished = page.positions() == 0 || reachedTotal || shortWithoutTotal;

    List<T> fresh = deduplicate(page.items(), pageOffset);
    delivered += fresh.size();
    current = fresh.iterator();
    fetcher.notifyPage(spec.endpoint().path(), nextOffset - spec.offset(), expected());
    if ((prefetch || pagesFetched >= 2) && !finished && nextAsk() > 0) {
      ahead = fetcher.fetchAhead(spec.endpoint(), spec.params(), nextAsk(), nextOffset);
    }
  }

  private int nextAsk() {
    return wanted < 0 ? spec.pageSize() : (int) Math.min(spec.pageSize(), wanted - delivered);
  }

  private Page<T> await(Future<Page<T>> page) {
    try {
      return page.get();
    } catch (InterruptedException e) {
      page.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException(
          "Stopped after " + delivered + " records (offset " + pageOffset + ")");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Cancels a page fetched ahead that nobody will read. */
  @Override
  public void close() {
    if (ahead != null) {
      ahead.cancel(true);
      ahead = null;
    }
  }

  private List<T> deduplicate(List<T> items, long pageOffset) {
    var ids = new HashSet<Long>(items.size() * 2);
    var fresh = new ArrayList<T>(items.size());
    for (T item : items) {
      if (!(item instanceof ApimoRecord)) {
        fresh.add(item);
        continue;
      }
      long id = ((ApimoRecord) item).id();
      if (ids.add(id) && !previousIds.contains(id)) {
        fresh.add(item);
      }
    }
    if (fresh.isEmpty() && !items.isEmpty() && pageOffset > spec.offset()) {
      throw new PagingException(
          "Apimo returned the same "
              + items.size()
              + " records for offset "
              + pageOffset
              + " as for the page before: it seems to ignore 'offset'. Stopped instead of looping"
              + " forever; try a larger pageSize(...).",
          spec.endpoint().path() + "?limit=" + items.size() + "&offset=" + pageOffset);
    }
    previousIds = ids;
    return fresh;
  }

  private long expected() {
    if (total < 0) {
      return -1;
    }
    long remaining = Math.max(0, total - spec.offset());
    return wanted < 0 ? remaining : Math.min(remaining, wanted);
  }
}
