package dev.apimoshell.shell;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The names closest to a mistyped one, for "did you mean ...?" hints: edit distance (Levenshtein)
 * of at most two, and less than the word's own length, nearest first.
 *
 * <pre>{@code Nearest.names("agncy", List.of("agency", "agencies", "catalog")) // [agency]}</pre>
 */
final class Nearest {

  static final int MAX_DISTANCE = 2;

  private Nearest() {}

  static List<String> names(String word, Collection<String> candidates) {
    record Scored(String name, int distance) {}
    return candidates.stream()
        .distinct()
        .filter(c -> !c.equals(word))
        .map(c -> new Scored(c, distance(word, c)))
        .filter(s -> s.distance() <= MAX_DISTANCE && s.distance() < word.length())
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .map(Scored::name)
        .limit(3)
        .toList();
  }

  /** "did you mean a?", "did you mean a or b?", or empty when nothing is near. */
  static String hint(String word, Collection<String> candidates) {
    List<String> near = names(word, candidates);
    return near.isEmpty() ? "" : "did you mean " + String.join(" or ", near) + "?";
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
