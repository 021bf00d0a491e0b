package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.export.CsvDialect;
import dev.apimoshell.export.ExportException;
import dev.apimoshell.export.ExportFormat;
import dev.apimoshell.export.ExportOptions;
import dev.apimoshell.export.ExportSummary;
import dev.apimoshell.model.User;
import dev.apimoshell.testing.LoopbackWireMock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class QueryExportTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  @TempDir Path dir;
  private ApimoClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(wm.baseUrl());
  }

  private void page(int offset, String body) {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("offset", equalTo(String.valueOf(offset)))
            .willReturn(okJson(body)));
  }

  @Test
  void aQueryExportsEveryPageToCsvThatParsesBack() throws Exception {
    page(0, Fixtures.users(5, 1, 2));
    page(2, Fixtures.users(5, 3, 4));
    page(4, Fixtures.users(5, 5));
    Path target = dir.resolve("users.csv");

    ExportSummary summary =
        client
            .agency(14)
            .users()
            .pageSize(2)
            .export(target.toString(), "id", "lastname", "created_at");

    assertThat(summary.rows()).isEqualTo(5);
    // Pages are fetched ahead while rows are written, but each exactly once and none past the end.
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/agencies/14/users"))))
        .extracting(r -> r.queryParameter("offset").firstValue())
        .containsExactlyInAnyOrder("0", "2", "4"); // pages 2 and 3 at once
    assertThat(summary.format()).isEqualTo(ExportFormat.CSV);
    List<Map<String, String>> rows;
    try (MappingIterator<Map<String, String>> it =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(target.toFile())) {
      rows = it.readAll();
    }
    assertThat(rows).extracting(r -> r.get("id")).containsExactly("1", "2", "3", "4", "5");
    assertThat(rows.get(2))
        .containsEntry("lastname", "D'Artagnan 3")
        .containsEntry("created_at", "2020-01-01 10:00:00");
  }

  @Test
  void aFailureAtPageThreeLeavesThePreviousFileByteIdenticalAndSaysWhereToResume()
      throws Exception {
    page(0, Fixtures.users(10, 1, 2));
    page(2, Fixtures.users(10, 3, 4));
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("offset", equalTo("4"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    Path target = dir.resolve("users.ndjson");
    byte[] before = "{\"id\":42,\"note\":\"yesterday's export\"}\n".getBytes();
    Files.write(target, before);

    assertThatThrownBy(
            () -> client.agency(14).users().offset(0).pageSize(2).export(target.toString()))
        .isInstanceOf(ExportException.class)
        .hasMessageStartingWith(
            "Export to users.ndjson failed after 4 rows; users.ndjson is unchanged. Cause: Cannot"
                + " reach")
        .hasMessageEndingWith("run the same query with .offset(4)");

    assertThat(Files.readAllBytes(target)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aFilteredExportResumesAtThePageItStoppedIn() {
    page(0, Fixtures.users(10, 1, 2));
    page(2, Fixtures.users(10, 3, 4));
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("offset", equalTo("4"))
            .willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(
            () ->
                client
                    .agency(14)
                    .users()
                    .pageSize(2)
                    .where(User::active)
                    .export(dir.resolve("a.json").toString()))
        .hasMessageContaining("failed after 2 rows")
        .hasMessageEndingWith("run the same query with .offset(4)");
  }

  @Test
  void previewShowsTheFirstRowsAndHowManyMore() {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .withQueryParam("limit", equalTo("3"))
            .willReturn(okJson(Fixtures.usersRange(40, 1, 3))));

    String table = client.agency(14).users().preview(3, "id", "lastname");

    assertThat(table.lines()).hasSize(6);
    assertThat(table.lines().findFirst().orElseThrow()).contains("id").contains("lastname");
    assertThat(table).contains("D'Artagnan 3").endsWith("… 37 more of 40");
    assertThat(table).doesNotContain("password");
  }

  @Test
  void aMissingDirectoryIsNamedAndNothingIsFetched() {
    assertThatThrownBy(
            () ->
                client
                    .agency(14)
                    .users()
                    .where(u -> true)
                    .offset(5000)
                    .export(dir.resolve("nope").resolve("users.csv").toString()))
        .hasMessageContaining("no such file or directory: " + dir.resolve("nope"))
        .hasMessageNotContaining(".part")
        .hasMessageEndingWith("It stopped at .offset(5000)");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void theExcelPresetWritesABomAndSemicolons() throws Exception {
    page(0, Fixtures.users(1, 1));
    Path target = dir.resolve("users.csv");

    client.agency(14).users().export(target.toString(), CsvDialect.EXCEL_FR, "id", "firstname");

    byte[] bytes = Files.readAllBytes(target);
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1))
        .isEqualTo("id;firstname\r\n1;Hélène\r\n");
  }

  @Test
  void anUnknownColumnIsRejectedBeforeAnyRequestWithTheNearName() {
    page(0, Fixtures.users(1, 1));

    assertThatThrownBy(
            () -> client.agency(14).users().export(dir.resolve("u.csv").toString(), "id", "emial"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown column 'emial' for User: did you mean 'email'?");
    assertThat(wm.getAllServeEvents()).isEmpty();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void columnsInTheAccessorSpellingAreTheJsonColumns() throws Exception {
    page(0, Fixtures.users(1, 1));
    Path target = dir.resolve("u.csv");

    client.agency(14).users().export(target.toString(), "id", "createdAt", "lastname");

    assertThat(Files.readString(target)).startsWith("id,created_at,lastname\r\n1,2020-01-01 ");
  }

  @Test
  void aDirectoryTargetFailsBeforeAnyRequestAndIsLeftAsItWas() throws Exception {
    page(0, Fixtures.users(1, 1));
    Path target = Files.createDirectory(dir.resolve("users.csv"));
    Files.writeString(target.resolve("keep.txt"), "mine");

    assertThatThrownBy(() -> client.agency(14).users().export(target.toString()))
        .isInstanceOf(ExportException.class)
        .hasMessage(
            "Cannot export to "
                + target
                + ": it is a directory; name a file in it, e.g. "
                + target.resolve("export.csv"));

    assertThat(wm.getAllServeEvents()).isEmpty();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
    try (Stream<Path> files = Files.list(target)) {
      assertThat(files).containsExactly(target.resolve("keep.txt"));
    }
    assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("mine");
  }

  @Test
  void labelsAreOneWordInAnExportWithOptions() throws Exception {
    page(0, Fixtures.users(1, 1));
    Path target = dir.resolve("users.ndjson");

    ExportSummary summary =
        client
            .agency(14)
            .users()
            .export(target.toString(), ExportOptions.LABELS.withColumns("id", "groupLabel"));

    assertThat(summary.rows()).isEqualTo(1);
    // The fixture sends "id":"1": the export keeps the string Apimo sent.
    assertThat(Files.readString(target)).startsWith("{\"id\":\"1\",\"group_label\":");
  }
}
