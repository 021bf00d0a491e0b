package dev.apimoshell.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A catalog in one culture: the words behind the codes records carry.
 *
 * <pre>{@code Apimo.catalog("property_type").label(1)   // "Apartment"}</pre>
 */
public record Catalog(String name, String culture, List<CatalogEntry> entries) {
  /**
   * Leaves out the entries without a word: Apimo omits a code that has no translation in a culture,
   * and a server that sends it anyway with a null name (or the text {@code "null"}) means the same.
   */
  public Catalog {
    entries =
        entries.stream()
            .filter(e -> e != null && e.name() != null && !e.name().isBlank())
            .filter(e -> !e.name().equals("null"))
            .toList();
  }

  /** The word for {@code code}, or empty when the catalog has no such code. */
  public Optional<String> find(int code) {
    return Optional.ofNullable(byId().get(code)).map(CatalogEntry::name);
  }

  /**
   * The word for {@code code}; the code itself when the catalog has no word for it (Apimo leaves
   * untranslated codes out), as records' labels do, so nothing is hidden or invented.
   */
  public String label(int code) {
    return find(code).orElse(String.valueOf(code));
  }

  private Map<Integer, CatalogEntry> byId() {
    return entries.stream()
        .collect(Collectors.toMap(CatalogEntry::id, Function.identity(), (a, b) -> a));
  }

  @Override
  public String toString() {
    return "Catalog " + name + " (" + culture + ", " + entries.size() + " codes)";
  }
}
