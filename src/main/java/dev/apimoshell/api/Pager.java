package dev.apimoshell.api;

import dev.apimoshell.http.ApimoException;
import dev.apimoshell.internal.client.PageFetcher;
import dev.apimoshell.model.ApimoRecord;
import dev.apimoshell.model.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;

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
 * <p>Reading ahead: from the second page on (or the first, with {@code prefetch}), the next pages
 * are requested while the caller processes records. Once the first page gave {@code total_items},
 * every further offset is known, so up to {@code parallel} pages are in flight at once, in an
 * {@link OrderedWindow}; records still come out strictly in offset order, and a new request starts
 * only when the head page is taken, so memory holds about {@code parallel + 1} pages. Without a
 * usable total, where paging ends is unknown: one page ahead at most, as with {@code parallel(1)}.
 * The first page stays alone, so {@code first()} still costs one request; {@link #close()}, an
 * error or an interrupt cancel every request in flight and start no new one.
 */
final class Pager<T> implements RecordSource<T> {
  /** A planned request: {@code ask} records from {@code offset}. */
  private record Ask(long offset, int ask) {}

  private final PageFetcher fetcher;
  private final QuerySpec<T> spec;
  private final long wanted;
  private final boolean prefetch;
  private final int parallel;
  private final OrderedWindow<Ask, Page<T>> window;
  private Page<T> seed;
  private long planOffset;
  private final int planSize;
  private int stride;
  private long plannedRecords;
  private int pagesFetched;
  private long nextOffset;
  private long pageOffset;
  private long delivered;
  private long total = -1;
  private volatile boolean finished;
  private Iterator<T> current = Collections.emptyIterator();
  private final SeenIds seen;
  private Set<Long> previousIds = Set.of();
  private List<T> previousItems = List.of();
  private boolean previousHadNothingNew;
  private boolean warnedPastTotal;
  private boolean warnedSeenFull;
  private long nullsSkipped;
  private long repeatsDropped;

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
    this(fetcher, spec, wanted, prefetch, seenCapacity, null, null);
  }

  /**
   * @param permits the budget of pages in flight, shared with other windows; null for a budget of
   *     its own of the query's {@code parallel} pages
   * @param seed the first page, already fetched (by a fan-out over users); null to fetch it here
   */
  Pager(
      PageFetcher fetcher,
      QuerySpec<T> spec,
      long wanted,
      boolean prefetch,
      int seenCapacity,
      Semaphore permits,
      Page<T> seed) {
    this.seen = new SeenIds(seenCapacity);
    this.fetcher = fetcher;
    this.spec = spec;
    this.wanted = wanted;
    this.prefetch = prefetch;
    this.parallel = spec.parallel() > 0 ? spec.parallel() : fetcher.parallel();
    this.window =
        new OrderedWindow<>(
            fetcher.executor(), permits != null ? permits : new Semaphore(parallel));
    this.seed = seed;
    this.nextOffset = spec.offset();
    this.pageOffset = spec.offset();
    this.planOffset = spec.offset();
    this.planSize = spec.pageSize();
    this.stride = planSize;
  }

  /** The offset of the page being delivered: resuming there repeats some records but loses none. */
  long pageOffset() {
    return pageOffset;
  }

  /**
   * True once every page this stream will read is read or requested: the permits it leaves free can
   * go to another stream's pages.
   */
  boolean allPlanned() {
    return finished || total >= 0 && Math.max(planOffset, nextOffset) >= total;
  }

  /** The most pages this stream had in flight at once (the page being read not counted). */
  int highWater() {
    return window.highWater();
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
    try {
      readPage();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void readPage() {
    if (pagesFetched > 0 && window.size() == 0) {
      planAhead();
    }
    Ask ahead = window.head();
    Ask request = ahead != null ? ahead : new Ask(nextOffset, nextAsk());
    if (request.ask() <= 0) {
      finished = true;
      return;
    }
    pageOffset = nextOffset;
    Page<T> page = fetch(request, ahead != null);
    pagesFetched++;
    total = page.totalItems();
    nextOffset += page.positions();
    boolean reachedTotal = total >= 0 && nextOffset >= total;
    boolean shortWithoutTotal = total < 0 && page.positions() < request.ask();
    finished = page.positions() == 0 || reachedTotal || shortWithoutTotal;
    if (total >= 0 && nextOffset > total && page.positions() == request.ask()) {
      warnPastTotal();
    }
    Ask following = window.head();
    if (finished || following != null && following.offset() != nextOffset) {
      replanFrom(nextOffset, page.positions());
    }

    if (pagesFetched == 1 && !finished && total >= 0) {
      tellQuotaCost(page.positions());
    }

    List<T> fresh = deduplicate(page.items(), pageOffset);
    delivered += fresh.size();
    nullsSkipped += page.positions() - page.items().size();
    repeatsDropped += page.items().size() - fresh.size();
    if (finished) {
      warnShortfall();
    }
    current = fresh.iterator();
    fetcher.notifyPage(spec.endpoint().path(), nextOffset - spec.offset(), expected());
    if ((prefetch || pagesFetched >= 2) && !finished) {
      planAhead();
    }
  }

  /**
   * Starts requests for the next pages while permits allow: up to {@code parallel} once the total
   * is known, one otherwise (where paging ends is unknown then).
   */
  private void planAhead() {
    if (planOffset < nextOffset) {
      planOffset = nextOffset;
    }
    int most = total >= 0 ? parallel : 1;
    while (window.size() < most && !(total >= 0 && planOffset >= total)) {
      long budget = wanted < 0 ? Long.MAX_VALUE : wanted - delivered - plannedRecords;
      int ask = (int) Math.min(planSize, budget);
      var request = new Ask(planOffset, ask);
      if (ask <= 0
          || !window.trySubmit(
              request,
              () -> fetcher.fetch(spec.endpoint(), spec.params(), ask, request.offset()))) {
        return;
      }
      planOffset += Math.min(ask, stride);
      plannedRecords += ask;
    }
  }

  /**
   * After a page that ended paging or did not cover the places asked (a server capping {@code
   * limit} lower), the pages planned after it start at the wrong offsets: they are cancelled and
   * planned again from {@code offset}, a page every {@code positions} places (still asking the full
   * page size: a short page is not the end while the total says more).
   */
  private void replanFrom(long offset, int positions) {
    window.cancelAll();
    plannedRecords = 0;
    planOffset = offset;
    if (positions > 0) {
      stride = Math.min(stride, positions);
    }
  }

  /**
   * The page at {@code pageOffset}: the seed, the window's head, or one fetched here; a failure
   * after the first page says where to resume.
   */
  private Page<T> fetch(Ask request, boolean requestedAhead) {
    try {
      if (seed != null) {
        return seed;
      }
      if (!requestedAhead) {
        return fetcher.fetch(spec.endpoint(), spec.params(), request.ask(), pageOffset);
      }
      plannedRecords -= request.ask();
      return await();
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
      seed = null;
    }
  }

  /** Once the first page gave the total: what the rest will cost against today's quota. */
  private void tellQuotaCost(long firstPage) {
    long rest = total - nextOffset;
    if (wanted >= 0) {
      rest = Math.min(rest, wanted - firstPage);
    }
    long requests = (rest + spec.pageSize() - 1) / spec.pageSize();
    fetcher
        .http()
        .quotaNotice(requests)
        .ifPresent(notice -> fetcher.notifyWarning(spec.endpoint().path(), notice));
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

  /**
   * At the end of a stream that read up to {@code total_items} (or stopped on an empty page before
   * it): fewer records than the total promised is said, with why, so that {@code count()} and what
   * was delivered never disagree silently. Records repeated across pages mean others were skipped
   * (the order shifted between pages); null entries carry nothing.
   */
  private void warnShortfall() {
    long expected = expected();
    if (expected < 0 || delivered >= expected) {
      return;
    }
    long missing = expected - delivered;
    var why = new ArrayList<String>();
    if (repeatsDropped > 0) {
      why.add(
          repeatsDropped
              + " repeated across pages (the order shifted between pages, so as many others were"
              + " skipped)");
    }
    if (nullsSkipped > 0) {
      why.add(nullsSkipped + " null in the list");
    }
    if (nextOffset < total) {
      why.add("the list ended at offset " + nextOffset + " (an empty page, or a null list)");
    }
    fetcher.notifyWarning(
        spec.endpoint().path(),
        String.format(
            "%s delivered %,d records where total_items says %,d (%,d short%s). count() says %,d;"
                + " read it again, or filter it into smaller lists.",
            query(),
            delivered,
            expected,
            missing,
            why.isEmpty() ? "" : ": " + String.join("; ", why),
            total));
  }

  /** {@code GET /agencies/14/users?group=2}: the query, for a warning. */
  private String query() {
    var text = new StringBuilder("GET ").append(spec.endpoint().path());
    char sep = '?';
    for (var param : spec.params().entrySet()) {
      text.append(sep).append(param.getKey()).append('=').append(param.getValue());
      sep = '&';
    }
    return text.toString();
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
    return wanted < 0 ? planSize : (int) Math.min(planSize, wanted - delivered);
  }

  private Page<T> await() {
    try {
      return window.take();
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new CancellationException(
          "Stopped after " + delivered + " records (offset " + pageOffset + ")");
    }
  }

  /** Cancels every page requested ahead that nobody will read; starts no new one. */
  @Override
  public void close() {
    finished = true;
    window.close();
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
