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
   * Keeps every entry Apimo sent, one with an empty name included (Apimo sends {@code lead_step} 5
   * with an empty name in both cultures): {@code entries()} lists every code. Only a null entry,
   * which has no code at all, is left out.
   */
  public Catalog {
    entries = entries.stream().filter(e -> e != null).toList();
  }

  /**
   * The word for {@code code}; empty when the catalog has no such code, or has it without a word
   * (an empty name, null or the text {@code "null"}).
   */
  public Optional<String> find(int code) {
    return Optional.ofNullable(byId().get(code))
        .map(CatalogEntry::name)
        .filter(name -> !name.isBlank() && !name.equals("null"));
  }

  /**
   * The word for {@code code}; the code itself when the catalog has no word for it (Apimo leaves
   * untranslated codes out, or sends them with an empty name), as records' labels do, so nothing is
   * hidden or invented.
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
