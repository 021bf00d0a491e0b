package dev.apimoshell.snapshot;

import dev.apimoshell.internal.snapshot.Manifest;
import dev.apimoshell.internal.snapshot.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot folder written by hand for a test: {@code SnapshotFixture.of(14).with(Resource.USERS,
 * "{\"id\":1}").write(dir)}. Only the resources given are in its manifest.
 */
public final class SnapshotFixture {
  private final long agency;
  private final Map<Resource, List<String>> lines = new LinkedHashMap<>();
  private String agencyJson;
  private boolean complete = true;

  private SnapshotFixture(long agency) {
    this.agency = agency;
  }

  public static SnapshotFixture of(long agency) {
    return new SnapshotFixture(agency);
  }

  /** The records of {@code resource}, one JSON object per line, written as given. */
  public SnapshotFixture with(Resource resource, String... records) {
    lines.put(resource, List.of(records));
    return this;
  }

  public SnapshotFixture agency(String json) {
    agencyJson = json;
    return this;
  }

  public SnapshotFixture unfinished() {
    complete = false;
    return this;
  }

  public Path write(Path folder) throws IOException {
    Files.createDirectories(folder);
    Map<String, Manifest.Entry> entries = new LinkedHashMap<>();
    for (var e : lines.entrySet()) {
      Resource resource = e.getKey();
      Files.writeString(
          folder.resolve(resource.fileName()),
          e.getValue().isEmpty() ? "" : String.join("\n", e.getValue()) + "\n");
      entries.put(
          resource.listKey(),
          new Manifest.Entry(
              resource.fileName(),
              e.getValue().size(),
              1764860531L,
              resource.incremental(),
              Instant.parse("2026-12-04T15:02:10Z")));
    }
    if (agencyJson != null) {
      Files.writeString(folder.resolve("agency.json"), agencyJson);
    }
    new Manifest(
            Manifest.FORMAT,
            "apimo-shell test",
            Instant.parse("2026-12-04T15:02:11Z"),
            "http://127.0.0.1:1/",
            "1234",
            agency,
            List.of("fr", "en"),
            12,
            complete,
            entries)
        .write(folder);
    return folder;
  }
}
