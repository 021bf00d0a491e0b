package dev.apimoshell.internal.snapshot;

import java.util.Locale;

/**
 * The agency's list endpoints a snapshot keeps, one NDJSON file each.
 *
 * <p>{@link #incremental()} says whether Apimo takes {@code timestamp} on that endpoint, so a
 * refresh can ask only for what changed; the others are read again in full.
 */
public enum Resource {
  USERS("users", false),
  /** Every user's actions in one file; each action names its {@code user}. */
  ACTIONS("actions", false),
  PROPERTIES("properties", true),
  CONTACTS("contacts", true),
  REQUESTS("requests", false),
  CONTRACTS("contracts", true),
  LEADS("leads", true);

  private final String listKey;
  private final boolean incremental;

  Resource(String listKey, boolean incremental) {
    this.listKey = listKey;
    this.incremental = incremental;
  }

  /** The key of the records' list in Apimo's answer, and the resource's name in a manifest. */
  public String listKey() {
    return listKey;
  }

  /** The NDJSON file holding the records, relative to the snapshot folder. */
  public String fileName() {
    return listKey + ".ndjson";
  }

  public boolean incremental() {
    return incremental;
  }

  /** The resource named {@code name} ("users", "Properties"...). */
  public static Resource named(String name) {
    for (Resource resource : values()) {
      if (resource.listKey.equals(name.toLowerCase(Locale.ROOT))) {
        return resource;
      }
    }
    throw new IllegalArgumentException(
        "No resource '"
            + name
            + "' in a snapshot: users, actions, properties, contacts,"
            + " requests, contracts or leads");
  }
}
