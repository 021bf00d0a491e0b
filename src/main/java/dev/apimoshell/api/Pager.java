package dev.apimoshell.api;

import dev.apimoshell.http.ApimoException;
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
 * page when the server gave no usable total (absent, null, negative, not a number). A short page
 * with a total that says more is not the end: a server that caps {@code limit} lower than we think
 * would otherwise lose records silently. A page holding records past {@code total_items} still ends
 * paging (Apimo's contract) but is reported once to the {@link PageListener}s.
 *
 * <p>Records repeated anywhere in the stream (offset paging over data that changes) are delivered
 * once, by id, remembered in a {@link SeenIds} of bounded size; past its capacity, only repeats
 * from the page before are caught, and the listeners are told. Records without a real id (null or
 * 0) are never dropped. A page made only of repeats of the page before, or two pages in a row with
 * nothing new, mean the server ignores {@code offset}: that is an error, not an endless loop.
 *
 * <p>A failure after the first page keeps the records delivered before it and says at which {@code
 * offset} the rest starts ({@link IncompleteStreamException}).
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
  private final SeenIds seen;
  private Set<Long> previousIds = Set.of();
  private List<T> previousItems = List.of();
  private boolean previousHadNothingNew;
  private boolean warnedPastTotal;
  private boolean warnedSeenFull;

  /**
   * @param wanted records the caller will take at most (-1 if unknown), to ask no more than needed
   * @param prefetch read ahead from the first page on (the caller will read everything)
   */
  Pager(PageFetcher fetcher, QuerySpec<T> spec, long wanted, boolean prefetch) {
    this(fetcher, spec, wanted, prefetch, SeenIds.DEFAULT_CAPACITY);
  }

  /**
   * @param seenCapacity most ids remembered for de-duplication across the whole stream
   */
  Pager(PageFetcher fetcher, QuerySpec<T> spec, long wanted, boolean prefetch, int seenCapacity) {
    this.seen = new SeenIds(seenCapacity);
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
    Page<T> page = fetch(ask);
    pagesFetched++;
    total = page.totalItems();
    nextOffset += page.positions();
    boolean reachedTotal = total >= 0 && nextOffset >= total;
    boolean shortWithoutTotal = total < 0 && page.positions() < ask;
    finished = page.positions() == 0 || reachedTotal || shortWithoutTotal;
    if (total >= 0 && nextOffset > total && page.positions() == ask) {
      warnPastTotal();
    }

    List<T> fresh = deduplicate(page.items(), pageOffset);
    delivered += fresh.size();
    current = fresh.iterator();
    fetcher.notifyPage(spec.endpoint().path(), nextOffset - spec.offset(), expected());
    if ((prefetch || pagesFetched >= 2) && !finished && nextAsk() > 0) {
      ahead = fetcher.fetchAhead(spec.endpoint(), spec.params(), nextAsk(), nextOffset);
    }
  }

  /** The page at {@code pageOffset}; a failure after the first page says where to resume. */
  private Page<T> fetch(int ask) {
    try {
      return ahead != null
          ? await(ahead)
          : fetcher.fetch(spec.endpoint(), spec.params(), ask, pageOffset);
    } catch (ApimoException e) {
      if (pageOffset == spec.offset()) {
        throw e;
      }
      String resume =
          ".offset("
              + pageOffset
              + ")"
              + (wanted < 0 ? "" : ".limit(" + Math.max(0, wanted - delivered) + ")");
      throw new IncompleteStreamException(e, pageOffset, delivered, resume);
    } finally {
      ahead = null;
    }
  }

  private void warnPastTotal() {
    if (warnedPastTotal) {
      return;
    }
    warnedPastTotal = true;
    fetcher.notifyWarning(
        spec.endpoint().path(),
        "a full page at offset "
            + pageOffset
            + " went past total_items ("
            + total
            + "): stopped at the total, as Apimo's contract says; there may be more from .offset("
            + nextOffset
            + ").");
  }

  private void warnSeenFull() {
    if (warnedSeenFull) {
      return;
    }
    warnedSeenFull = true;
    fetcher.notifyWarning(
        spec.endpoint().path(),
        "over "
            + String.format("%,d", seen.size())
            + " records: from offset "
            + pageOffset
            + " on, repeated records are removed only when they repeat the page before.");
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

  /**
   * The records of a page not delivered before. Records without a real id (0 or less: Apimo's ids
   * start at 1, and a null id reads as 0) are always delivered.
   */
  private List<T> deduplicate(List<T> items, long pageOffset) {
    var ids = new HashSet<Long>(items.size() * 2);
    var fresh = new ArrayList<T>(items.size());
    boolean allFromPageBefore = true;
    boolean withoutIds = false;
    for (T item : items) {
      Long id = item instanceof ApimoRecord apimoRecord ? apimoRecord.id() : null;
      if (id == null || id <= 0) {
        fresh.add(item);
        allFromPageBefore = false;
        withoutIds = true;
        continue;
      }
      allFromPageBefore &= previousIds.contains(id);
      boolean firstOnThisPage = ids.add(id);
      if (firstOnThisPage && !previousIds.contains(id) && seen.add(id)) {
        fresh.add(item);
      }
    }
    if (seen.isFull()) {
      warnSeenFull();
    }
    boolean nothingNew = fresh.isEmpty() && !items.isEmpty();
    boolean samePage = !items.isEmpty() && items.equals(previousItems);
    boolean ignoresOffset = samePage || nothingNew && allFromPageBefore;
    if (pageOffset > spec.offset() && (ignoresOffset || nothingNew && previousHadNothingNew)) {
      String what =
          ignoresOffset
              ? "the same " + items.size() + " records for offset " + pageOffset + " as before"
              : "only records already delivered, two pages in a row, up to offset " + pageOffset;
      throw new PagingException(
          "Apimo returned "
              + what
              + ": it seems to ignore 'offset'. Stopped instead of looping forever; try a larger"
              + " pageSize(...).",
          spec.endpoint().path() + "?limit=" + items.size() + "&offset=" + pageOffset);
    }
    previousIds = ids;
    previousItems = withoutIds ? items : List.of(); // ids cannot tell a repeated page: equality can
    previousHadNothingNew = nothingNew;
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
