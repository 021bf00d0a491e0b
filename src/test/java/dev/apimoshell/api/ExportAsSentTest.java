package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.export.CsvDialect;
import dev.apimoshell.export.ExportFormat;
import dev.apimoshell.export.ExportOptions;
import dev.apimoshell.internal.client.CatalogCache;
import dev.apimoshell.internal.export.Columns;
import dev.apimoshell.model.ApimoRecord;
import dev.apimoshell.model.User;
import dev.apimoshell.sandbox.Sandbox;
import dev.apimoshell.sandbox.SandboxOptions;
import dev.apimoshell.testing.LoopbackWireMock;
import dev.apimoshell.testing.SandboxClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export without {@code where(...)} writes each record's object as Apimo sent it, never decoded
 * ({@code SentRecord}); with a {@code where(...)} it decodes typed records as before. Both must
 * write the same bytes, for every format, dialect and choice of columns, on hostile records (nested
 * objects, lists, explicit nulls, {@code ""}, {@code []}, {@code {}}, unknown and late columns,
 * secrets at any depth, control characters, unicode, numbers of every spelling, ids repeated in
 * another JSON type) and on the sandbox's records of every kind. The typed path is forced with a
 * {@code where} that keeps every record.
 */
class ExportAsSentTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  private static Sandbox sandbox;
  private static ApimoClient sandboxClient;

  @TempDir Path dir;
  private ApimoClient client;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults());
    sandboxClient = SandboxClients.unthrottled(sandbox);
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() {
    client = ApimoClient.connect(Fixtures.config(wm.baseUrl()), CatalogCache.none());
    wm.stubFor(
        get(urlPathEqualTo("/catalogs/user_group"))
            .willReturn(
                okJson(
                    "[{\"id\":1,\"name\":\"Administrateur\"},{\"id\":2,\"name\":\"Agency"
                        + " \\\"manager\\\", =boss\"}]")));
  }

  // --- the records

  private static final String HUGE = "é".repeat(100_000) + "\\u0000end";

  /** Users as hostile as Apimo may send them; the first page of three. */
  private static List<String> hostileUsers() {
    return List.of(
        "{\"id\":\"9\",\"agency\":14,\"active\":\"1\",\"created_at\":\"2020-01-01 10:00:00\","
            + "\"firstname\":\"Hélène \uD83D\uDE00 中文 e\u0301\","
            + "\"lastname\":\"D'Artagnan, \\\"the\\\" 1st\\nline 2; x\","
            + "\"password\":\"hunter2\",\"email\":\"=cmd|' /C calc'!A0\",\"phone\":\"+33657004146\","
            + "\"mobile\":\"0612345678\",\"fax\":null,\"group\":2,"
            + "\"city\":{\"id\":3,\"name\":\"Nice\",\"password\":\"x\"},"
            + "\"spoken_languages\":[\"fr\",\"en\"],\"partners\":[],"
            + "\"stories\":[{\"a\":1,\"password\":\"p\",\"token\":\"t\"},[1.50,null]],"
            + "\"rates\":{\"sale\":1.10,\"rent\":1e3,\"zero\":-0,\"negzero\":-0.0,"
            + "\"big\":123456789012345678901234567890,\"tiny\":1.5E-7,\"exp\":2.50e+2,"
            + "\"obj\":{},\"arr\":[],\"f\":false,\"t\":true,\"s\":\"-12.5\"}}",
        "{\"id\":10,\"lastname\":\"\",\"firstname\":null,\"city\":null,\"rates\":[],"
            + "\"unknown_field\":\"u\",\"nested_unknown\":{\"deep\":{\"x\":[1,{\"y\":null}]}},"
            + "\"TOKEN\":\"secret\",\"Password\":\"x\",\"group\":\"1\"}",
        "{\"id\":11,\"city\":[],\"rates\":{},\"group\":77,\"email\":\"@SUM(A1)\","
            + "\"control\":\"a\\u0000b\\u001b[31mred\\u202Eevil\\u0007\\t tab\\r\\n\\u2028\","
            + "\"phone\":\"-3\",\"fax\":\"\\ttab first\",\"mobile\":\"01000\"}",
        "{\"lastname\":\"" + HUGE + "\",\"group\":null,\"city\":{}}",
        "null",
        "[]",
        "{\"id\":null,\"lastname\":\"null id\",\"group\":\"1\",\"partners\":[{\"password\":\"x\"},\"p\"]}",
        "{\"rates\":{\"a\":{\"b\":{\"c\":{}}}},\"id\":12,\"lastname\":\"keys out of order\","
            + "\"city\":{\"name\":\"Paris\",\"id\":\"75\",\"extra\":{\"k\":[true]}}}",
        "[{\"id\":13,\"lastname\":\"wrapped\",\"active\":0}]",
        "{\"id\":14,\"created_at\":\"2021-02-03 04:05:06\",\"updated_at\":null,"
            + "\"birthday_at\":\"1990-05-06\",\"rates\":\"not an object\",\"group\":\"2\"}");
  }

  /** {@code n} plain users from id {@code from}; one has a column no user had before it. */
  private static List<String> plainUsers(int from, int n, int lateAt) {
    return IntStream.range(from, from + n)
        .mapToObj(
            i ->
                "{\"id\":"
                    + i
                    + ",\"lastname\":\"L"
                    + i
                    + "\",\"group\":"
                    + (i % 3)
                    + (i == lateAt
                        ? ",\"late_column\":\"late\",\"late\":{\"a\":1,\"b\":[]},\"city\":{\"id\":1}"
                        : "")
                    + "}")
        .toList();
  }

  /**
   * Three pages of 500 places: the hostile users, plain ones, a column first seen past the CSV
   * writer's look-ahead, and repeats of users 9 and 10 with their ids in other JSON types.
   */
  private Query<User> hostileQuery() {
    var first = new ArrayList<>(hostileUsers());
    first.addAll(plainUsers(100, 500 - first.size(), -1));
    var second = plainUsers(1000, 500, 1050);
    var third = new ArrayList<>(plainUsers(2000, 98, -1));
    third.add("{\"id\":9.0,\"lastname\":\"repeat of 9\"}");
    third.add("{\"id\":\" 10 \",\"lastname\":\"repeat of 10\"}");
    int total = first.size() + second.size() + third.size();
    page(0, first, total);
    page(500, second, total);
    page(1000, third, total);
    return client.agency(14).users().pageSize(500);
  }

  private void page(int offset, List<String> records, int total) {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("offset", equalTo(String.valueOf(offset)))
            .willReturn(
                okJson(
                    "{\"users\":["
                        + String.join(",", records)
                        + "],\"total_items\":"
                        + total
                        + "}")));
  }

  // --- the cases

  private static final List<CsvDialect> DIALECTS =
      List.of(
          CsvDialect.RFC4180,
          CsvDialect.EXCEL,
          CsvDialect.EXCEL_FR,
          new CsvDialect('|', "\n", false, ',', false));

  /** Every format; every dialect for CSV and TSV; labels or not; the formula guard on and off. */
  private static List<ExportOptions> everyWay() {
    var ways = new ArrayList<ExportOptions>();
    for (ExportFormat format : ExportFormat.values()) {
      ExportOptions plain = ExportOptions.defaults().withFormat(format);
      if (format == ExportFormat.CSV || format == ExportFormat.TSV) {
        DIALECTS.forEach(dialect -> ways.add(plain.withDialect(dialect)));
      } else {
        ways.add(plain);
      }
      ways.add(plain.withLabels(true));
    }
    ways.add(ExportOptions.defaults().withFormat(ExportFormat.CSV).withFormulaGuard(false));
    return ways;
  }

  /**
   * Exports {@code query} each way, with all columns and with some chosen (every third column of
   * the full header, labels included, in reverse order), once as sent and once typed, and compares
   * the bytes.
   */
  private <T extends ApimoRecord> int sameBytesEveryWay(Query<T> query, List<ExportOptions> ways)
      throws Exception {
    List<String> chosen = chosenColumns(query);
    int compared = 0;
    for (ExportOptions way : ways) {
      for (List<String> columns : List.of(List.<String>of(), chosen)) {
        ExportOptions options = way.withColumns(columns);
        byte[] sent = export(query, options);
        byte[] typed = export(query.where(record -> true), options);
        String what = query + " " + options.format() + " " + options + " " + columns;
        assertThat(sent.length).as(what).isGreaterThan(0);
        if (!Arrays.equals(sent, typed)) {
          assertThat(new String(sent, StandardCharsets.UTF_8))
              .as(what)
              .isEqualTo(new String(typed, StandardCharsets.UTF_8));
          assertThat(sent).as(what).isEqualTo(typed);
        }
        compared++;
      }
    }
    return compared;
  }

  private int counter;

  private byte[] export(Query<?> query, ExportOptions options) throws Exception {
    Path file = dir.resolve("export" + counter++ + "." + options.format().name().toLowerCase());
    query.export(file, options);
    byte[] bytes = Files.readAllBytes(file);
    Files.delete(file);
    return bytes;
  }

  private List<String> chosenColumns(Query<?> query) throws Exception {
    Path header = dir.resolve("header.csv");
    query.export(header, ExportOptions.LABELS.withFormat(ExportFormat.CSV));
    String first = Files.readAllLines(header).get(0);
    List<String> all = List.of(first.split(","));
    var chosen = new ArrayList<String>();
    for (int i = 0; i < all.size(); i += 3) {
      chosen.add(0, all.get(i));
    }
    // A name one or two letters from a documented column is refused as a typo ('rates.f').
    chosen.removeIf(column -> !resolves(column, query));
    return chosen;
  }

  private static boolean resolves(String column, Query<?> query) {
    try {
      Columns.resolve(List.of(column), query.spec.endpoint().type());
      return true;
    } catch (IllegalArgumentException typo) {
      return false;
    }
  }

  // --- the tests

  @Test
  void hostileRecordsExportTheSameBytesAsSentAsTyped() throws Exception {
    Query<User> query = hostileQuery();

    int compared = sameBytesEveryWay(query, everyWay());

    assertThat(compared).isEqualTo(2 * everyWay().size());
    String csv = new String(export(query, ExportOptions.defaults().withFormat(ExportFormat.CSV)));
    assertThat(csv)
        .contains("late_column", "keys out of order", "wrapped", "'=cmd")
        .doesNotContain("hunter2", "\"secret\"", "\u0000");
    assertThat(csv).doesNotContain("repeat of"); // the same ids, sent in another JSON type
  }

  @Test
  void aLimitEndingMidPageExportsTheSameBytes() throws Exception {
    Query<User> query = hostileQuery().limit(700);

    sameBytesEveryWay(
        query,
        List.of(
            ExportOptions.defaults().withFormat(ExportFormat.CSV),
            ExportOptions.defaults().withFormat(ExportFormat.NDJSON)));
  }

  @Test
  void everyKindOfSandboxRecordExportsTheSameBytes() throws Exception {
    var agency = sandboxClient.agency(58);
    List<ExportOptions> few =
        List.of(
            ExportOptions.defaults().withFormat(ExportFormat.CSV),
            ExportOptions.LABELS.withFormat(ExportFormat.TSV).withDialect(CsvDialect.EXCEL_FR),
            ExportOptions.defaults().withFormat(ExportFormat.JSON),
            ExportOptions.LABELS.withFormat(ExportFormat.NDJSON));

    for (Query<? extends ApimoRecord> query :
        List.<Query<? extends ApimoRecord>>of(
            agency.properties(), agency.actions(), agency.contacts())) {
      sameBytesEveryWay(query, few);
    }
    for (Query<? extends ApimoRecord> query :
        List.<Query<? extends ApimoRecord>>of(
            agency.users(),
            agency.requests(),
            agency.contracts(),
            agency.leads(),
            agency.user(agency.users().first().orElseThrow().id()).actions())) {
      sameBytesEveryWay(query, List.of(few.get(1), few.get(2)));
    }
  }

  @Test
  void anIdTheTypedRecordRefusesFailsTheExportAsSentTheSameWay() {
    page(0, List.of("{\"id\":\"abc\",\"lastname\":\"L\"}"), 1);
    Query<User> query = client.agency(14).users();
    Function<Query<User>, String> failure =
        q -> {
          try {
            q.export(dir.resolve("ids.csv").toString());
            return "no failure";
          } catch (RuntimeException e) {
            return e.getMessage();
          }
        };

    assertThat(failure.apply(query))
        .contains("'users[0].id'")
        .isEqualTo(failure.apply(query.where(u -> true)));
    assertThat(dir.resolve("ids.csv")).doesNotExist();
  }

  @Test
  void aDateTheTypedRecordRefusesIsExportedAsSentWithoutWhere() throws Exception {
    page(0, List.of("{\"id\":1,\"created_at\":\"yesterday\"}"), 1);
    Query<User> query = client.agency(14).users();

    query.export(dir.resolve("dates.csv").toString());

    assertThat(Files.readString(dir.resolve("dates.csv"))).contains("yesterday");
    assertThatThrownBy(() -> query.where(u -> true).export(dir.resolve("typed.csv").toString()))
        .hasMessageContaining("'users[0].created_at'");
  }
}
