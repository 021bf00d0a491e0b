package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestTest {

  @Test
  void editsAndSwapsCountOneEach() {
    assertThat(Nearest.distance("agncy", "agency")).isEqualTo(1);
    assertThat(Nearest.distance("frist", "first")).isEqualTo(1);
    assertThat(Nearest.distance("Lsit", "List")).isEqualTo(1);
    assertThat(Nearest.distance("abc", "xyz")).isEqualTo(3);
  }

  @Test
  void onlyTheNearestNamesAreOffered() {
    assertThat(Nearest.names("frist", List.of("first", "list", "filter"))).containsExactly("first");
    assertThat(Nearest.names("userz", List.of("user", "users", "count")))
        .containsExactly("user", "users");
    assertThat(Nearest.hint("/hepl", Commands.names())).isEqualTo("did you mean /help?");
    assertThat(Nearest.hint("zzzzzz", List.of("agency"))).isEmpty();
    assertThat(Nearest.hint("ab", List.of("xy"))).isEmpty();
  }
}
