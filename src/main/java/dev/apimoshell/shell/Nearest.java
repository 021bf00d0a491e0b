package dev.apimoshell.shell;

import dev.apimoshell.internal.text.NearNames;
import java.util.Collection;
import java.util.List;

/**
 * The names closest to a mistyped one, for "did you mean ...?" hints: the nearest by edit distance
 * (Levenshtein, a swap of two neighbours counting as one edit), at most two edits and fewer than
 * the word's own length.
 *
 * <pre>{@code Nearest.names("agncy", List.of("agency", "agencies", "catalog")) // [agency]}</pre>
 */
final class Nearest {

  static final int MAX_DISTANCE = NearNames.MAX_NEAR_DISTANCE;

  private Nearest() {}

  /** The rule lives in the library ({@link NearNames}), where catalog errors use it too. */
  static List<String> names(String word, Collection<String> candidates) {
    return NearNames.of(word, candidates);
  }

  /** "did you mean a?", "did you mean a or b?", or empty when nothing is near. */
  static String hint(String word, Collection<String> candidates) {
    List<String> near = names(word, candidates);
    return near.isEmpty() ? "" : "did you mean " + String.join(" or ", near) + "?";
  }

  /** Edits from {@code a} to {@code b}, as export column names are matched. */
  static int distance(String a, String b) {
    return NearNames.distance(a, b);
  }
}
