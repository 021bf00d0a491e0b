package dev.apimoshell.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Where records find the words for their codes ({@code user.groupLabel()}).
 *
 * <p>Records are plain data and know no HTTP, so the client that owns the catalogs installs a
 * resolver here; the default client does so when it is created. Without one, labels are null.
 */
public final class Labels {
  private static volatile BiFunction<String, Integer, String> resolver = (catalog, code) -> null;

  private Labels() {}

  /** Installs the function from (catalog name, code) to a word. */
  public static void install(BiFunction<String, Integer, String> labels) {
    resolver = labels;
  }

  /** An ordered field-to-catalog map, for {@link ApimoRecord#codeCatalogs()}. */
  static Map<String, String> columns(String... fieldThenCatalog) {
    var map = new LinkedHashMap<String, String>();
    for (int i = 0; i < fieldThenCatalog.length; i += 2) {
      map.put(fieldThenCatalog[i], fieldThenCatalog[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** The word for {@code code} in {@code catalog}; null for a null code. */
  public static String of(String catalog, Integer code) {
    return code == null ? null : resolver.apply(catalog, code);
  }
}
