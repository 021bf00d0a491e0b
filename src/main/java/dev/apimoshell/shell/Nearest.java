package dev.apimoshell.shell;

import dev.apimoshell.internal.export.Columns;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The names closest to a mistyped one, for "did you mean ...?" hints: the nearest by edit distance
 * (Levenshtein, a swap of two neighbours counting as one edit), at most two edits and fewer than
 * the word's own length.
 *
 * <pre>{@code Nearest.names("agncy", List.of("agency", "agencies", "catalog")) // [agency]}</pre>
 */
final class Nearest {

  static final int MAX_DISTANCE = 2;

  private Nearest() {}

  static List<String> names(String word, Collection<String> candidates) {
    record Scored(String name, int distance) {}
    List<Scored> near =
        candidates.stream()
            .distinct()
            .filter(c -> !c.equals(word))
            .map(c -> new Scored(c, distance(word, c)))
            .filter(s -> s.distance() <= MAX_DISTANCE && s.distance() < word.length())
            .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
            .toList();
    return near.stream()
        .filter(s -> s.distance() == near.get(0).distance())
        .map(Scored::name)
        .limit(3)
        .toList();
  }

  /** "did you mean a?", "did you mean a or b?", or empty when nothing is near. */
  static String hint(String word, Collection<String> candidates) {
    List<String> near = names(word, candidates);
    return near.isEmpty() ? "" : "did you mean " + String.join(" or ", near) + "?";
  }

  /** Edits from {@code a} to {@code b}, as export column names are matched. */
  static int distance(String a, String b) {
    return Columns.distance(a, b);
  }
}
