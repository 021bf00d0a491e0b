package dev.apimoshell.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apimoshell.model.RawRecord;
import dev.apimoshell.testing.LoopbackWireMock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A raw list (what a snapshot captures) cuts each object out of the page and reads its id token by
 * token, without a tree: the id as {@code RawRecord.of} reads the same line, the bytes as sent on
 * one line.
 */
class RawRecordReaderTest {
  @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();

  @Test
  void idsInEveryShapeAndTheBytesAreWhatTheLineSays() {
    List<String> records =
        List.of(
            "{\"id\":\"9\",\"lastname\":\"a\"}",
            "{\"lastname\":\"id last\",\"nested\":{\"id\":77},\"id\":10}",
            "{\"id\":\" 11 \"}",
            "{\"id\":12.0}",
            "{\"id\":null}",
            "{\"id\":-5}",
            "{\"id\":1234567890123456789}",
            "{\"id\":{\"x\":1}}",
            "{\"name\":\"no id\"}",
            "{\n  \"id\" : 13,\n  \"text\" : \"two\\nlines \"\n}");
    wm.stubFor(
        get(urlPathEqualTo("/agencies/14/users"))
            .willReturn(
                okJson(
                    "{\"users\":[\n"
                        + String.join(",\n", records)
                        + "\n],\"total_items\":"
                        + records.size()
                        + "}")));

    List<RawRecord> raw = Fixtures.client(wm.baseUrl()).agency(14).raw("users").list();

    assertThat(raw)
        .extracting(RawRecord::id)
        .containsExactly(9L, 10L, 11L, 0L, 0L, 0L, 0L, 0L, 0L, 13L);
    for (int i = 0; i < raw.size(); i++) {
      RawRecord line = RawRecord.of(raw.get(i).bytes());
      assertThat(raw.get(i).id()).as(records.get(i)).isEqualTo(line.id());
    }
    assertThat(raw.get(1).text()).isEqualTo(records.get(1));
    assertThat(raw.get(9).text()).isEqualTo("{\"id\":13,\"text\":\"two\\nlines \"}");
    assertThat(new String(raw.get(0).bytes(), StandardCharsets.UTF_8)).isEqualTo(records.get(0));
  }
}
