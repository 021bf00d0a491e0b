package dev.apimoshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeenIdsTest {

  @Test
  void anIdIsNewOnceWhateverTheOrderAndHowManyCameBetween() {
    var seen = new SeenIds(SeenIds.DEFAULT_CAPACITY);
    long[] ids = new Random(7).longs(100_000, 1, 1L << 40).distinct().toArray();

    for (long id : ids) {
      assertThat(seen.add(id)).isTrue();
    }
    for (long id : ids) {
      assertThat(seen.add(id)).isFalse();
    }
    assertThat(seen.size()).isEqualTo(ids.length);
    assertThat(seen.contains(0)).isFalse();
  }

  @Test
  void pastItsCapacityNewIdsAreNotRememberedButOldOnesStay() {
    var seen = new SeenIds(3);
    seen.add(1);
    seen.add(2);
    seen.add(3);

    assertThat(seen.isFull()).isTrue();
    assertThat(seen.add(4)).isTrue();
    assertThat(seen.add(4)).isTrue();
    assertThat(seen.add(2)).isFalse();
    assertThat(seen.size()).isEqualTo(3);
  }

  @Test
  void aMillionIdsAreAllRemembered() {
    var seen = new SeenIds(SeenIds.DEFAULT_CAPACITY);
    for (long id = 1; id <= 1_000_000; id++) {
      seen.add(id * 7);
    }

    assertThat(seen.size()).isEqualTo(1_000_000);
    assertThat(seen.add(7 * 500_000)).isFalse();
    assertThat(seen.add(7 * 500_000 + 1)).isTrue();
  }
}
