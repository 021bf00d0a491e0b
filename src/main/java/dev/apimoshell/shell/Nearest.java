package dev.apimoshell.shell;

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

  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
