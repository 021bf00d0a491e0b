package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoException;
import dev.apimoshell.model.User;
import dev.apimoshell.testing.LoopbackWireMock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "records" rows of the hostile-server cases (docs/reliability.md) that concern parsing: odd
 * ids, absurd nesting, huge and broken strings. Each is one page of users; a record the client
 * cannot read exactly is an {@link ApimoException} that names the field, never a truncated value, a
 * StackOverflowError or a hang. (Null ids: {@link HostilePagingTest}.)
 */
class HostileRecordsTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  @TempDir Path dir;
  private ApimoClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(wm.baseUrl());
  }

  // --- arrange: one line each

  /** Every request for users answers these records (raw JSON objects), total_items their count. */
  private void usersAre(String... records) {
    wm.stubFor(get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson(page(records))));
  }

  private void usersAreBytes(byte[] body) {
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
  }

  private static String page(String... records) {
    return "{\"users\":[" + String.join(",", records) + "],\"total_items\":" + records.length + "}";
  }

  /** Users whose {@code id} is each of these raw JSON values. */
  private static String[] withIds(String... ids) {
    return IntStream.range(0, ids.length)
        .mapToObj(i -> "{\"id\":" + ids[i] + ",\"lastname\":\"L" + i + "\"}")
        .toArray(String[]::new);
  }

  private static String nested(String open, String close, int depth, String inner) {
    return open.repeat(depth) + inner + close.repeat(depth);
  }

  // --- act

  private List<User> users() {
    return client.agency(14).users().list();
  }

  // --- ids

  @Test
  void nonNumericIdsAreAnErrorNamingTheField() {
    usersAre(withIds("\"abc\"", "\"def\""));

    assertThatThrownBy(this::users)
        .isInstanceOf(ApimoException.class)
        .hasMessageContaining("'users[0].id'");
  }

  @Test
  void idsOf26DigitsAreAnErrorNamingTheFieldAsStringOrNumber() {
    usersAre(withIds("\"12345678901234567890123456\""));
    assertThatThrownBy(this::users)
        .isInstanceOf(ApimoException.class)
        .hasMessageContaining("'users[0].id'");

    usersAre(withIds("12345678901234567890123456"));
    assertThatThrownBy(this::users)
        .isInstanceOf(ApimoException.class)
        .hasMessageContaining("'users[0].id'");
  }

  @Test
  void fractionalIdsAreAnErrorNamingTheFieldNotTruncated() {
    usersAre(withIds("2.5", "3.5"));
    assertThatThrownBy(this::users)
        .isInstanceOf(ApimoException.class)
        .hasMessageContaining("'users[0].id'")
        .hasMessageContaining("2.5");

    usersAre(withIds("\"2.5\""));
    assertThatThrownBy(this::users)
        .isInstanceOf(ApimoException.class)
        .hasMessageContaining("'users[0].id'");
  }

  @Test
  void fractionalReferencesAreRefusedToo() {
    usersAre("{\"id\":1,\"agency\":14.5}");

    assertThatThrownBy(this::users)
        .isInstanceOf(ApimoException.class)
        .hasMessageContaining("'users[0].agency'");
  }

  @Test
  void wholeIdsInAnyShapeAreRead() {
    usersAre(withIds("2", "\"3\"", "4.0", "\" 5 \"", "9223372036854775807"));

    assertThat(users()).extracting(User::id).containsExactly(2L, 3L, 4L, 5L, Long.MAX_VALUE);
  }

  // --- nesting

  @Test
  void anUnknownField10000ArraysDeepIsAnErrorNotAStackOverflow() {
    usersAre("{\"id\":1,\"deep\":" + nested("[", "]", 10_000, "1") + "}");

    assertThatThrownBy(this::users).isInstanceOf(ApimoException.class);
  }

  @Test
  void anUnknownField10000ObjectsDeepIsAnErrorNotAStackOverflow() {
    usersAre("{\"id\":1,\"deep\":" + nested("{\"a\":", "}", 10_000, "1") + "}");

    assertThatThrownBy(this::users).isInstanceOf(ApimoException.class);
  }

  @Test
  void aField800DeepListsShowsAndExports() throws Exception {
    usersAre("{\"id\":1,\"lastname\":\"Deep\",\"deep\":" + nested("[", "]", 800, "1") + "}");
    Query<User> query = client.agency(14).users();

    assertThat(query.list()).singleElement().extracting(User::lastname).isEqualTo("Deep");
    assertThat(query.preview(5)).contains("Deep");
    query.export(dir.resolve("deep.csv").toString());
    query.export(dir.resolve("deep.json").toString());
    assertThat(Files.readString(dir.resolve("deep.csv"))).contains("Deep", "[[[[");
    assertThat(Files.readString(dir.resolve("deep.json"))).contains("Deep", "[[[[");
  }

  // --- strings

  @Test
  void aOneMegabyteStringInEveryRecordListsShowsCutAndExportsWhole() throws Exception {
    String big = "x".repeat(1 << 20);
    usersAre(
        IntStream.rangeClosed(1, 3)
            .mapToObj(i -> "{\"id\":" + i + ",\"lastname\":\"" + big + "\"}")
            .toArray(String[]::new));
    Query<User> query = client.agency(14).users();

    assertThat(query.list()).hasSize(3).allMatch(u -> u.lastname().length() == 1 << 20);
    assertThat(query.preview(5).length()).isLessThan(100_000);
    query.export(dir.resolve("big.csv").toString(), "id", "lastname");
    List<String> lines = Files.readAllLines(dir.resolve("big.csv"));
    assertThat(lines).hasSize(4);
    assertThat(lines.subList(1, 4)).allMatch(line -> line.endsWith("," + big));
  }

  @Test
  void aThirtyMegabyteStringIsAClearError() {
    usersAre("{\"id\":1,\"lastname\":\"" + "x".repeat(30 << 20) + "\"}");

    assertThatThrownBy(this::users).isInstanceOf(ApimoException.class);
  }

  @Test
  void invalidUtf8IsAnErrorOrAReplacementCharacter() {
    byte[] head = "{\"users\":[{\"id\":1,\"lastname\":\"ab".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "cd\"}],\"total_items\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    body[head.length] = (byte) 0xC3;
    body[head.length + 1] = (byte) 0x28;
    System.arraycopy(tail, 0, body, head.length + 2, tail.length);
    usersAreBytes(body);

    try {
      assertThat(users()).singleElement().extracting(User::lastname).asString().contains("\uFFFD");
    } catch (ApimoException expected) {
      assertThat(expected).hasMessageContaining("GET /agencies/14/users");
    }
  }

  @Test
  void aRawNulByteInAStringIsAClearError() {
    usersAreBytes(page("{\"id\":1,\"lastname\":\"a\u0000b\"}").getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(this::users)
        .isInstanceOf(ApimoException.class)
        .hasMessageContaining("GET /agencies/14/users");
  }
}
