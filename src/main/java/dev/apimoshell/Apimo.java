package dev.apimoshell;

import dev.apimoshell.api.AgencyRef;
import dev.apimoshell.api.Query;
import dev.apimoshell.export.CsvDialect;
import dev.apimoshell.export.ExportOptions;
import dev.apimoshell.export.ExportSummary;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.WriteGuard;
import dev.apimoshell.internal.client.ThreadScope;
import dev.apimoshell.internal.export.Exporter;
import dev.apimoshell.model.Agency;
import dev.apimoshell.model.Catalog;
import dev.apimoshell.model.CatalogInfo;
import dev.apimoshell.snapshot.SnapshotListener;
import dev.apimoshell.snapshot.SnapshotSummary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The front door: {@code Apimo.agency(14).users().list()}.
 *
 * <p>The static methods use a default client configured from the environment ({@code
 * APIMO_BASE_URL}, default {@code https://api.apimo.pro}; {@code APIMO_PROVIDER}; {@code
 * APIMO_TOKEN}) on first use. {@link #connect} makes independent clients; {@link #useDefault} swaps
 * the default (the shell does so for the sandbox).
 */
public final class Apimo {
  private static volatile ApimoClient defaultClient;
  private static volatile Supplier<ApimoClient> pendingDefault;
  private static volatile WriteGuard guard = WriteGuard.ALLOW_ALL;
  private static volatile SnapshotListener snapshotListener = SnapshotListener.logging();

  /** The client {@link #withClient} put in force on this thread (and those it starts), or null. */
  private static final ThreadScope<Supplier<ApimoClient>> SCOPED = new ThreadScope<>();

  private Apimo() {}

  /** A handle on an agency of the default client. */
  public static AgencyRef agency(long id) {
    return client().agency(id);
  }

  /** The default client, created from the environment on first use. */
  public static ApimoClient client() {
    Supplier<ApimoClient> scoped = SCOPED.get();
    if (scoped != null) {
      return scoped.get();
    }
    ApimoClient client = defaultClient;
    if (client == null) {
      synchronized (Apimo.class) {
        if (defaultClient == null) {
          Supplier<ApimoClient> pending = pendingDefault;
          useDefault(
              pending != null
                  ? pending.get()
                  : ApimoClient.connect(ApimoConfig.fromEnvironment(System.getenv())));
        }
        client = defaultClient;
      }
    }
    return client;
  }

  /**
   * A new, independent client; it does not replace the default (see {@link
   * ApimoClient#makeDefault()}). A plain {@code http://} URL to a host other than loopback is
   * refused, since it would send the token in clear (see {@link ApimoConfig#insecure}).
   */
  public static ApimoClient connect(String baseUrl, String provider, String token) {
    return ApimoClient.builder()
        .config(ApimoConfig.of(baseUrl, provider, token))
        .writeGuard(guard)
        .build();
  }

  /**
   * Runs {@code action} with the static methods meaning {@code client} on this thread and on the
   * threads the action starts (not the JVM's shared fork-join workers), then restores what was in
   * force: an embedded shell session runs its snippets so, and the host's default client stays as
   * it was. A null client changes nothing.
   *
   * <pre>{@code Apimo.withClient(sandboxClient, () -> Apimo.agency(14).users().count())}</pre>
   */
  public static <T> T withClient(ApimoClient client, java.util.concurrent.Callable<T> action)
      throws Exception {
    return SCOPED.call(client == null ? null : () -> client, action);
  }

  /**
   * As {@link #withClient(ApimoClient, java.util.concurrent.Callable)}, with the client asked of
   * {@code client} only when the action first uses the static methods: a script that never calls
   * the API need not wait for its client's HTTP stack (the shell's {@code -e '1+1'}). The supplier
   * is asked at each use, so it should hand back the same client each time.
   *
   * <pre>{@code Apimo.withClientOnFirstUse(() -> connecting.join(), () -> 1 + 1)} // never waits
   * </pre>
   */
  public static <T> T withClientOnFirstUse(
      Supplier<ApimoClient> client, java.util.concurrent.Callable<T> action) throws Exception {
    return SCOPED.call(client, action);
  }

  /**
   * Makes {@code client}, with the guard of {@link #guardWrites}, the one behind the static
   * methods. The client it replaces is not closed (it may still be in use).
   */
  public static void useDefault(ApimoClient client) {
    Objects.requireNonNull(client, "client");
    defaultClient = guard == WriteGuard.ALLOW_ALL ? client : client.withWriteGuard(guard);
  }

  /**
   * Makes the client {@code client} gives, at the first use of the static methods, the default
   * (with the guard of {@link #guardWrites}): a program that may never call the API does not pay
   * for an HTTP stack at start. A failure of {@code client} reaches that first caller.
   *
   * <pre>{@code Apimo.useDefaultOnFirstUse(() -> ApimoClient.connect(config));}</pre>
   */
  public static void useDefaultOnFirstUse(Supplier<ApimoClient> client) {
    Objects.requireNonNull(client, "client");
    synchronized (Apimo.class) {
      pendingDefault = client;
      defaultClient = null;
    }
  }

  /** The agencies the default client's provider can see. */
  public static Query<Agency> agencies() {
    return client().agencies();
  }

  /** The catalogs Apimo offers. */
  public static List<CatalogInfo> catalogs() {
    return client().catalogs();
  }

  /** A catalog in the default client's culture: {@code Apimo.catalog("property_type").label(1)}. */
  public static Catalog catalog(String name) {
    return client().catalog(name);
  }

  /**
   * Saves agency {@code agency} of the default client into the folder {@code dir}, for support
   * tickets and offline replay ({@code scripts/apimo-shell --snapshot dir}).
   *
   * <pre>{@code Apimo.snapshot(14, "agency-14")}</pre>
   */
  public static SnapshotSummary snapshot(long agency, String dir) {
    return client().snapshot(agency, dir, snapshotListener);
  }

  /**
   * Refreshes the snapshot in {@code dir} with the default client: only what changed since.
   *
   * <pre>{@code Apimo.refresh("agency-14")}</pre>
   */
  public static SnapshotSummary refresh(String dir) {
    return client().refresh(dir, snapshotListener);
  }

  /**
   * Exports a query, a stream, a list or a single record to {@code file}, the format taken from its
   * extension ({@code .csv}, {@code .tsv}, {@code .json}, {@code .ndjson}). What the shell's {@code
   * /export EXPR FILE} runs.
   *
   * <pre>{@code Apimo.export(myList, "selection.csv", "id", "lastname")}</pre>
   */
  public static ExportSummary export(Object rows, String file, String... columns) {
    return export(rows, file, ExportOptions.defaults().withColumns(columns));
  }

  /**
   * As {@link #export(Object, String, String...)} in a CSV dialect: {@code CsvDialect.EXCEL_FR} for
   * French Excel (semicolons, decimal commas, phone numbers kept as typed).
   *
   * <pre>{@code Apimo.export(myList, "selection.csv", CsvDialect.EXCEL_FR, "id", "lastname")}</pre>
   */
  public static ExportSummary export(
      Object rows, String file, CsvDialect dialect, String... columns) {
    return export(rows, file, ExportOptions.defaults().withDialect(dialect).withColumns(columns));
  }

  /**
   * As {@link #export(Object, String, String...)} with every option.
   *
   * <pre>{@code Apimo.export(myList, "selection.csv", ExportOptions.LABELS)}</pre>
   */
  public static ExportSummary export(Object rows, String file, ExportOptions options) {
    if (rows instanceof Query<?> query) {
      return query.export(file, options);
    }
    Stream<?> stream;
    if (rows instanceof Stream<?> s) {
      stream = s;
    } else if (rows instanceof Iterable<?> iterable) {
      stream = StreamSupport.stream(iterable.spliterator(), false);
    } else if (rows instanceof Optional<?> optional) {
      stream = optional.stream();
    } else if (rows != null
        && rows.getClass().isArray()
        && !rows.getClass().getComponentType().isPrimitive()) {
      stream = Arrays.stream((Object[]) rows);
    } else if (rows != null) {
      stream = Stream.of(rows);
    } else {
      throw new IllegalArgumentException("Nothing to export: the value is null");
    }
    return Exporter.export(stream, Path.of(file), options);
  }

  /**
   * Asked before each write of the default client and of the clients {@link #connect} makes from
   * now on (the shell asks the user, or wants {@code --yes}); by default every write is allowed. A
   * client built with {@link ApimoClient#builder()} has its own guard.
   */
  public static void guardWrites(WriteGuard writeGuard) {
    guard = writeGuard == null ? WriteGuard.ALLOW_ALL : writeGuard;
    ApimoClient client = defaultClient;
    if (client != null) {
      defaultClient = client.withWriteGuard(guard);
    }
  }

  /**
   * Told how the facade's {@link #snapshot} and {@link #refresh} go; the {@link System.Logger}
   * {@code dev.apimoshell.snapshot} by default (the shell prints).
   */
  public static void snapshotListener(SnapshotListener listener) {
    snapshotListener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Makes the default client label in {@code code}: {@code "fr"}, {@code "en"}, or Apimo's long
   * form {@code "fr_FR"}, {@code "en_GB"}; {@code en} by default. Returns the new default client
   * (sharing the connection of the one it replaces).
   */
  public static ApimoClient culture(String code) {
    ApimoClient client = client().culture(code);
    defaultClient = client;
    return client;
  }
}
