package dev.apimoshell;

import dev.apimoshell.api.AgencyRef;
import dev.apimoshell.api.Query;
import dev.apimoshell.export.CsvDialect;
import dev.apimoshell.export.ExportOptions;
import dev.apimoshell.export.ExportSummary;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.WriteGuard;
import dev.apimoshell.internal.client.Session;
import dev.apimoshell.internal.export.Exporter;
import dev.apimoshell.model.Agency;
import dev.apimoshell.model.Catalog;
import dev.apimoshell.model.CatalogInfo;
import dev.apimoshell.model.Labels;
import dev.apimoshell.snapshot.SnapshotSummary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

  private Apimo() {}

  /** A handle on an agency of the default client. */
  public static AgencyRef agency(long id) {
    return client().agency(id);
  }

  /** The default client, created from the environment on first use. */
  public static ApimoClient client() {
    ApimoClient client = defaultClient;
    if (client == null) {
      synchronized (Apimo.class) {
        if (defaultClient == null) {
          useDefault(ApimoClient.connect(ApimoConfig.fromEnvironment(System.getenv())));
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
    return ApimoClient.connect(baseUrl, provider, token);
  }

  /** Makes {@code client} the one behind the static methods and the records' labels. */
  public static void useDefault(ApimoClient client) {
    defaultClient = Objects.requireNonNull(client, "client");
    Labels.install(client::label);
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
    return client().snapshot(agency, dir);
  }

  /**
   * Refreshes the snapshot in {@code dir} with the default client: only what changed since.
   *
   * <pre>{@code Apimo.refresh("agency-14")}</pre>
   */
  public static SnapshotSummary refresh(String dir) {
    return client().refresh(dir);
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
   * Asked before each write of every client (the shell asks the user, or wants {@code --yes}); by
   * default every write is allowed.
   */
  public static void guardWrites(WriteGuard guard) {
    Session.guardEveryClient(guard);
  }

  /**
   * Sets the culture of labels: {@code "fr"}, {@code "en"}, or Apimo's long form {@code "fr_FR"},
   * {@code "en_GB"}; {@code en} by default.
   */
  public static ApimoClient culture(String code) {
    return client().culture(code);
  }
}
