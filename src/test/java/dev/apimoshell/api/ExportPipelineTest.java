package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.export.ExportException;
import dev.apimoshell.export.ExportOptions;
import dev.apimoshell.internal.export.Exporter;
import dev.apimoshell.testing.LoopbackWireMock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export writes on a thread of its own while the next pages download: rows keep the order of the
 * pages, a column first seen late still lands in the header, and a failure mid-stream (of the
 * server or of the writer) leaves the previous file as it was.
 */
class ExportPipelineTest {
  private static final int PAGES = 6;
  private static final int PAGE = 500;

  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  @TempDir Path dir;
  private ApimoClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(wm.baseUrl());
  }

  /** User {@code id}; 5 has a {@code mobile} (within the rows held back), 2500 a {@code fax}. */
  private static String user(long id) {
    String user = Fixtures.user(id);
    String extra = id == 5 ? ",\"mobile\":\"0601\"" : id == 2500 ? ",\"fax\":\"0102\"" : "";
    return user.substring(0, user.length() - 1) + extra + "}";
  }

  private void pages(int failingOffset) {
    for (int page = 0; page < PAGES; page++) {
      int offset = page * PAGE;
      String body =
          "{\"users\":["
              + LongStream.rangeClosed(offset + 1, offset + PAGE)
                  .mapToObj(ExportPipelineTest::user)
                  .collect(Collectors.joining(","))
              + "],\"total_items\":"
              + PAGES * PAGE
              + "}";
      wm.stubFor(
          get(urlPathEqualTo("/agencies/14/users"))
              .withQueryParam("offset", equalTo(String.valueOf(offset)))
              .willReturn(
                  offset == failingOffset
                      ? aResponse().withStatus(400).withBody("{\"error\":\"bad\"}")
                      : okJson(body)));
    }
  }

  @Test
  void rowsKeepThePagesOrderAndLateColumnsReachTheHeader() throws Exception {
    pages(-1);
    Path target = dir.resolve("users.csv");

    var summary = client.agency(14).users().pageSize(PAGE).export(target.toString());

    assertThat(summary.rows()).isEqualTo(PAGES * PAGE);
    List<Map<String, String>> rows = read(target);
    assertThat(rows).extracting(r -> r.get("id")).containsExactlyElementsOf(ids(PAGES * PAGE));
    assertThat(rows.get(4)).containsEntry("mobile", "0601");
    assertThat(rows.get(2499)).containsEntry("fax", "0102");
    assertThat(rows.get(0)).containsEntry("mobile", "").containsEntry("fax", "");
    assertThat(rows.get(PAGES * PAGE - 1).get("lastname")).isEqualTo("D'Artagnan 3000");
  }

  @Test
  void aServerFailureMidStreamKeepsThePreviousFileAndCountsTheRowsDelivered() throws Exception {
    pages(2000);
    Path target = dir.resolve("users.csv");
    Files.writeString(target, "the previous export\n");

    var e =
        catchThrowableOfType(
            () -> client.agency(14).users().pageSize(PAGE).export(target.toString()),
            ExportException.class);

    assertThat(e.rowsWritten()).isEqualTo(2000);
    assertThat(e.getMessage()).contains("failed after 2000 rows").contains(".offset(2000)");
    assertThat(target).hasContent("the previous export");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aWriterFailureStopsReadingTheSourceAndKeepsThePreviousFile() throws Exception {
    Path target = dir.resolve("rows.csv");
    Files.writeString(target, "the previous export\n");
    var pulled = new AtomicLong();
    Stream<Object> rows =
        LongStream.range(0, 1_000_000)
            .peek(i -> pulled.incrementAndGet())
            .mapToObj(i -> i == 1500 ? new Unwritable() : Map.of("id", i));

    var e =
        catchThrowableOfType(
            () -> Exporter.export(rows, target, ExportOptions.defaults()), ExportException.class);

    assertThat(e.rowsWritten()).isEqualTo(1500);
    assertThat(e.getMessage()).contains("failed after 1500 rows").contains("no value here");
    assertThat(pulled.get()).isLessThan(20_000);
    assertThat(target).hasContent("the previous export");
  }

  /** A row whose only property cannot be read. */
  public static final class Unwritable {
    public String getId() {
      throw new IllegalStateException("no value here");
    }
  }

  private static List<String> ids(int n) {
    return LongStream.rangeClosed(1, n).mapToObj(Long::toString).toList();
  }

  private static List<Map<String, String>> read(Path csv) throws Exception {
    try (MappingIterator<Map<String, String>> it =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(csv.toFile())) {
      return it.readAll();
    }
  }
}
