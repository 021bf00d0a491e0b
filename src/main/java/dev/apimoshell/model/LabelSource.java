package dev.apimoshell.model;

import dev.apimoshell.internal.json.Json;

/**
 * The catalogs a record reads its codes from: those of the client that fetched it, so a record from
 * a second client is labelled in that client's words, not the default client's.
 *
 * <p>The fetcher hands it to every record it decodes; it is never serialised. A record read without
 * one ({@code Json.mapper().readValue(...)}) reads its codes as they are.
 *
 * <pre>
 * {@code LabelSource fr = (catalog, code) -> catalog.equals("property_type") ? "Maison" : null;}
 * </pre>
 */
@FunctionalInterface
public interface LabelSource {
  /** The key under which the fetcher injects the source into the records it decodes. */
  String KEY = Json.LABELS_KEY;

  /** The word for {@code code} in {@code catalog}, or null when there is none. */
  String label(String catalog, int code);
}
