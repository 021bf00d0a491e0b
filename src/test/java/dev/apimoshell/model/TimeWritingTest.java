package dev.apimoshell.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.internal.json.Json;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** Dates and times are written as Apimo writes them, by the fast path and the formatter alike. */
class TimeWritingTest {
  private static String write(Object value) throws Exception {
    return Json.mapper().writeValueAsString(value);
  }

  @Test
  void dateTimesAndTimesAreZeroPaddedToTheSecond() throws Exception {
    assertThat(write(LocalDateTime.of(2020, 4, 5, 8, 9, 3, 500_000_000)))
        .isEqualTo("\"2020-04-05 08:09:03\"");
    assertThat(write(LocalDateTime.of(987, 12, 31, 23, 59, 59)))
        .isEqualTo("\"0987-12-31 23:59:59\"");
    assertThat(write(LocalTime.of(7, 5))).isEqualTo("\"07:05:00\"");
  }

  @Test
  void yearsBeyondFourDigitsGoThroughTheFormatter() throws Exception {
    var far = LocalDateTime.of(12345, 1, 2, 3, 4, 5);
    assertThat(write(far))
        .isEqualTo('"' + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(far) + '"');
  }

  @Test
  void aFieldsOwnFormatStillApplies() throws Exception {
    var action =
        NewAction.of(9, LocalDate.of(2026, 11, 28))
            .times(LocalTime.of(9, 30, 15), LocalTime.of(10, 0))
            .build();
    assertThat(write(action))
        .contains("\"09:30\"")
        .contains("\"10:00\"")
        .doesNotContain("09:30:15");
  }
}
