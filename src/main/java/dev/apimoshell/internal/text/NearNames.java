package dev.apimoshell.internal.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The one rule for "did you mean ...?": which known names are near a mistyped one. */
public final class NearNames {
  private NearNames() {}

  /** How far a name may be from a mistyped one to be suggested: {@link #of}. */
  public static final int MAX_NEAR_DISTANCE = 2;

  /**
   * The names closest to a mistyped one, for "did you mean ...?" hints, at the prompt (commands,
   * variables) as in the library (a catalog that does not exist): the nearest by {@link #distance},
   * at most {@value #MAX_NEAR_DISTANCE} edits and fewer than the word's own length; the three first
   * in alphabetical order when several are as near.
   *
   * <pre>{@code NearNames.of("agncy", List.of("agency", "agencies", "catalog")) // [agency]}
   * </pre>
   */
  public static List<String> of(String word, Collection<String> candidates) {
    record Scored(String name, int distance) {}
    List<Scored> near =
        candidates.stream()
            .distinct()
            .filter(c -> !c.equals(word))
            .map(c -> new Scored(c, distance(word, c)))
            .filter(s -> s.distance() <= MAX_NEAR_DISTANCE && s.distance() < word.length())
            .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
            .toList();
    return near.stream()
        .filter(s -> s.distance() == near.get(0).distance())
        .map(Scored::name)
        .limit(3)
        .toList();
  }

  /**
   * Edits (insert, delete, replace, swap two neighbours) from {@code a} to {@code b}: the one
   * measure of "near" behind every "did you mean ...?" (column names, catalog names, the shell's
   * hints).
   */
  public static int distance(String a, String b) {
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
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
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
