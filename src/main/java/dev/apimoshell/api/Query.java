package dev.apimoshell.api;

import dev.apimoshell.export.CsvDialect;
import dev.apimoshell.export.ExportOptions;
import dev.apimoshell.export.ExportSummary;
import dev.apimoshell.internal.client.Endpoint;
import dev.apimoshell.internal.client.PageFetcher;
import dev.apimoshell.internal.client.Session;
import dev.apimoshell.internal.export.Columns;
import dev.apimoshell.internal.export.Exporter;
import dev.apimoshell.internal.export.Table;
import dev.apimoshell.model.Agency;
import dev.apimoshell.model.ApimoRecord;
import dev.apimoshell.model.Page;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy, immutable description of records to fetch from a list endpoint. Nothing is sent until a
 * terminal method ({@link #stream()}, {@link #list()}, {@link #count()}, {@link #first()}) runs,
 * and then only the pages that are consumed.
 *
 * <pre>{@code
 * Query<User> active = Apimo.agency(14).users().where(User::active);
 * active.first();          // one request
 * active.limit(5).list();  // asks the server for 5 records, not 10,000
 * active.count();          // pages through: the filter runs on this side
 * }</pre>
 *
 * <p>Endpoint-specific filters live on subclasses ({@link ActionQuery#type(int)}), which override
 * the methods below to keep their own type.
 */
public class Query<T> {
  /** The most pages a stream may keep in flight: far above Apimo's 10 requests a second. */
  public static final int MAX_PARALLEL = PageFetcher.MAX_PARALLEL;

  protected final PageFetcher fetcher;
  protected final QuerySpec<T> spec;

  Query(PageFetcher fetcher, QuerySpec<T> spec) {
    this.fetcher = fetcher;
    this.spec = spec;
  }

  /** A copy with another spec; subclasses return their own type. */
  protected Query<T> with(QuerySpec<T> spec) {
    return new Query<>(fetcher, spec);
  }

  /** Keeps the records that match; evaluated on this side, page by page. */
  public Query<T> where(Predicate<? super T> predicate) {
    return with(spec.and(predicate));
  }

  /** At most {@code n} records (after {@link #where}). */
  public Query<T> limit(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + n);
    }
    return with(spec.withLimit(n));
  }

  /** Skips the first {@code n} records on the server (Apimo's {@code offset}). */
  public Query<T> offset(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + n);
    }
    return with(spec.withOffset(n));
  }

  /** Records per request, up to the endpoint's maximum (10,000 users, 1,000 actions...). */
  public Query<T> pageSize(int n) {
    int max = spec.endpoint().maxPageSize();
    if (n < 1 || n > max) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and "
              + max
              + " for "
              + spec.endpoint().path()
              + " (Apimo's maximum), was "
              + n);
    }
    return with(spec.withPageSize(n));
  }

  /**
   * Fetches up to {@code n} pages at once once the first page gave {@code total_items} (the
   * client's setting otherwise, 4 by default; 1 reads one page ahead at most). Records still come
   * in offset order; memory holds about {@code n + 1} pages; the connection's rate limit still
   * spaces the requests.
   *
   * <pre>{@code agency.user(9).actions().parallel(8).export("actions.csv")}</pre>
   */
  public Query<T> parallel(int n) {
    return with(spec.withParallel(checkParallel(n)));
  }

  /**
   * The agencies visible to a client's provider ({@code GET /agencies}; Apimo documents no maximum
   * page size there); scripts call {@code Apimo.agencies()}.
   */
  public static Query<Agency> agencies(Session session) {
    return new Query<>(
        session.pages(),
        QuerySpec.of(new Endpoint<>("/agencies", "agencies", Agency.class, 1_000)));
  }

  static int checkParallel(int n) {
    return PageFetcher.checkParallel(n);
  }

  /**
   * The records, fetched page by page as the stream is consumed.
   *
   * @throws dev.apimoshell.http.ApimoException when a request fails (an {@link
   *     IncompleteStreamException} once records were delivered: its {@code offset()} resumes)
   */
  public Stream<T> stream() {
    return stream(source(false));
  }

  /**
   * Where the records come from: this endpoint's pages ({@code agency.actions()} overrides it).
   *
   * @param prefetch whether to fetch the next page while this one is consumed: for callers that
   *     read everything (an export), not for {@code first()}, which must cost one request
   */
  RecordSource<T> source(boolean prefetch) {
    return new Pager<>(fetcher, spec, spec.filter() == null ? spec.limit() : -1, prefetch);
  }

  /**
   * The same records left as Apimo sent them ({@link QuerySpec#asSent()}), read ahead: what an
   * export without {@link #where} writes.
   */
  RecordSource<ApimoRecord> sentSource() {
    return new Pager<>(fetcher, spec.asSent(), spec.limit(), true);
  }

  /**
   * For a failed export: from the rows written to the {@code offset(...)} where the rest starts;
   * null when an offset cannot say it.
   */
  LongUnaryOperator resumeOffsets(RecordSource<?> source) {
    if (spec.filter() == null) {
      return written -> spec.offset() + written;
    }
    Pager<?> pager = (Pager<?>) source;
    return written -> pager.pageOffset();
  }

  private Stream<T> stream(RecordSource<T> source) {
    return stream(source, spec.filter());
  }

  private <R> Stream<R> stream(RecordSource<R> source, Predicate<? super R> filter) {
    Stream<R> records =
        StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                    source, Spliterator.ORDERED | Spliterator.NONNULL),
                false)
            .onClose(source::close);
    if (filter != null) {
      records = records.filter(filter);
    }
    return spec.limit() >= 0 ? records.limit(spec.limit()) : records;
  }

  /**
   * Only records whose name has every word of {@code typed}, accents and case aside ({@link
   * Names}): a user's or contact's first, last and user name, a listing's name and reference.
   *
   * <pre>{@code Apimo.agency(14).users().named("gaelle").list()   // finds Gaëlle}</pre>
   */
  public Query<T> named(String typed) {
    if (typed == null || typed.isBlank()) {
      throw new IllegalArgumentException(
          "named(...) needs a name or part of one, e.g. named(\"gae\")");
    }
    return where(record -> Names.matches(Names.of(record), typed));
  }

  /**
   * The record with the greatest {@code key} (the latest date, the highest price), records without
   * one left out; empty when none has one. Reads every page.
   *
   * <pre>{@code
   * Apimo.agency(14).user(9).actions().latest(Action::date)
   * Apimo.agency(14).properties().latest(p -> p.price() == null ? null : p.price().value())
   * }</pre>
   *
   * @throws dev.apimoshell.http.ApimoException when a request fails
   */
  public <C extends Comparable<? super C>> Optional<T> latest(
      Function<? super T, ? extends C> key) {
    try (Stream<T> records = stream()) {
      return records
          .filter(r -> key.apply(r) != null)
          .max(Comparator.comparing(r -> (C) key.apply(r)));
    }
  }

  /**
   * All the records in a list. For large results prefer {@link #stream()}.
   *
   * @throws dev.apimoshell.http.ApimoException when a request fails (an {@link
   *     IncompleteStreamException} once records were delivered: its {@code offset()} resumes)
   */
  public List<T> list() {
    try (Stream<T> records = stream()) {
      return records.toList();
    }
  }

  /**
   * The first record, in one request.
   *
   * @throws dev.apimoshell.http.ApimoException when the request fails
   */
  public Optional<T> first() {
    try (Stream<T> records = limit(1).stream()) {
      return records.findFirst(); // closing cancels pages read ahead past a where(...) match
    }
  }

  /**
   * How many records match. Without {@link #where} this is one request that reads {@code
   * total_items}; with it, every page is fetched and filtered.
   *
   * @throws dev.apimoshell.http.ApimoException when a request fails
   */
  public long count() {
    if (spec.filter() != null) {
      return countAll();
    }
    long total = fetcher.fetch(spec.endpoint(), spec.params(), 1, spec.offset()).totalItems();
    if (total < 0) {
      return countAll();
    }
    long remaining = Math.max(0, total - spec.offset());
    return spec.limit() >= 0 ? Math.min(remaining, spec.limit()) : remaining;
  }

  /**
   * The first {@code n} records and the server's {@code total_items}, in one request when there is
   * no {@link #where} filter: what a table preview needs.
   */
  public Page<T> page(int n) {
    if (spec.filter() == null) {
      long cap = spec.limit() < 0 ? n : Math.min(n, spec.limit());
      int size = (int) Math.min(cap, spec.endpoint().maxPageSize());
      Page<T> page =
          fetcher.fetch(spec.endpoint(), spec.params(), Math.max(size, 1), spec.offset());
      List<T> items = page.items().subList(0, Math.min(size, page.items().size()));
      long total = page.totalItems() < 0 ? -1 : Math.max(0, page.totalItems() - spec.offset());
      return new Page<>(
          items,
          spec.limit() >= 0 && total >= 0 ? Math.min(total, spec.limit()) : total,
          items.size(),
          page.timestamp(),
          page.processingTime());
    }
    try (Stream<T> records = stream()) {
      return new Page<>(records.limit(n).toList(), -1);
    }
  }

  private long countAll() {
    try (Stream<T> records = stream()) {
      return records.count();
    }
  }

  /**
   * Writes the records to {@code file}, in the format its extension names ({@code .csv}, {@code
   * .tsv}, {@code .json}, {@code .ndjson}/{@code .jsonl}), page by page in constant memory (the
   * next page is fetched while the current one is written). The file is replaced only when the
   * export is complete; on failure it is left as it was and the error says the {@code offset(...)}
   * where it stopped.
   *
   * <pre>{@code Apimo.agency(14).users().export("users.csv", "id", "lastname", "email")}</pre>
   *
   * @param columns the columns in order (dotted for nested fields: {@code properties.price}); none
   *     for all
   * @throws dev.apimoshell.export.ExportException when the export fails: the file is unchanged and
   *     {@code offset()} says where to resume
   * @throws IllegalArgumentException for an unknown column or file extension, before any request
   */
  public ExportSummary export(String file, String... columns) {
    return export(file, ExportOptions.defaults().withColumns(columns));
  }

  /**
   * As {@link #export(String, String...)} in a CSV dialect: {@code CsvDialect.EXCEL_FR} writes
   * {@code ;} and a UTF-8 BOM, so French-locale Excel opens the file with its accents.
   */
  public ExportSummary export(String file, CsvDialect dialect, String... columns) {
    return export(
        Path.of(file), ExportOptions.defaults().withDialect(dialect).withColumns(columns));
  }

  /**
   * As {@link #export(String, String...)}, with every option (CSV dialect, formula guard, labels,
   * columns, format).
   *
   * <pre>{@code Apimo.agency(14).users().export("users.csv", ExportOptions.LABELS)}</pre>
   *
   * @throws dev.apimoshell.export.ExportException when the export fails: the file is unchanged and
   *     {@code offset()} says where to resume
   * @throws IllegalArgumentException for an unknown column or file extension, before any request
   */
  public ExportSummary export(String file, ExportOptions options) {
    return export(Path.of(file), options);
  }

  /**
   * As {@link #export(String, ExportOptions)}. Chosen columns are checked against the record type
   * before any request: {@code "emial"} fails at once and suggests {@code email}; {@code
   * "createdAt"} means {@code created_at}.
   *
   * @throws dev.apimoshell.export.ExportException when the export fails: the file is unchanged and
   *     {@code offset()} says where to resume
   * @throws IllegalArgumentException for an unknown column or file extension, before any request
   */
  public ExportSummary export(Path target, ExportOptions options) {
    options =
        options.withColumns(Columns.resolve(options.columns(), spec.endpoint().type()).columns());
    if (spec.filter() == null && spec.endpoint().readsAsSent()) {
      // Each record is written as the object Apimo sent: no need to decode it first.
      RecordSource<ApimoRecord> sent = sentSource();
      return Exporter.export(
          stream(sent, null), target, options.withResumeOffset(resumeOffsets(sent)));
    }
    RecordSource<T> source = source(true);
    return Exporter.export(stream(source), target, options.withResumeOffset(resumeOffsets(source)));
  }

  /** Prints the first 20 records as a table, with these columns or all. */
  public void show(String... columns) {
    System.out.println(preview(20, columns));
  }

  /**
   * Prints the first {@code rows} records as a table, with these columns or all: {@code
   * users().show(50, "id", "email")}.
   */
  public void show(int rows, String... columns) {
    show(System.out, rows, columns);
  }

  /**
   * Prints the first {@code rows} records as a table to {@code out}: {@code users().show(log, 50,
   * "id", "email")}.
   *
   * @throws dev.apimoshell.http.ApimoException when the page cannot be read
   */
  public void show(java.io.PrintStream out, int rows, String... columns) {
    out.println(preview(rows, columns));
  }

  /**
   * The first {@code rows} records as a table fitting the terminal, with a last line saying how
   * many more the server has: what the shell prints for a query. A column name near a known one
   * fails at once, before any request: {@code "lastnam"}: did you mean lastname?
   */
  public String preview(int rows, String... columns) {
    List<String> chosen = Columns.resolve(List.of(columns), spec.endpoint().type()).columns();
    Page<T> page = page(rows);
    String note = Table.moreNote(page.items().size(), page.totalItems());
    return Table.render(page.items(), chosen, Table.terminalWidth(), note);
  }

  /**
   * Apimo's time ({@code timestamp}) in the last page this client read from this endpoint, once a
   * stream, list or export of it has run: pass it to {@code since(...)} later to get only what
   * changed after. Empty when Apimo sent none.
   *
   * <pre>{@code
   * var q = Apimo.agency(14).properties();
   * q.export("all.csv");
   * Instant next = q.serverTime().orElseThrow();
   * // tomorrow:
   * q.since(next).export("changes.csv");
   * }</pre>
   */
  public Optional<Instant> serverTime() {
    return Optional.ofNullable(fetcher.lastTimestamp(spec.endpoint().path()))
        .map(Instant::ofEpochSecond);
  }

  /** The endpoint's path, e.g. {@code /agencies/14/users}. */
  public String path() {
    return spec.endpoint().path();
  }

  @Override
  public String toString() {
    var text = new StringBuilder("Query[GET ").append(spec.endpoint().path());
    spec.params().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
    if (spec.filter() != null) {
      text.append(", where(...)");
    }
    if (spec.limit() >= 0) {
      text.append(", limit ").append(spec.limit());
    }
    if (spec.offset() > 0) {
      text.append(", offset ").append(spec.offset());
    }
    return text.append(", pages of ").append(spec.pageSize()).append(']').toString();
  }
}
