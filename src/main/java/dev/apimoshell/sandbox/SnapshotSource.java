package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimoshell.snapshot.FolderFiles;
import dev.apimoshell.snapshot.Manifest;
import dev.apimoshell.snapshot.Resource;
import dev.apimoshell.snapshot.SnapshotFolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A snapshot folder served as Apimo would: its one agency, its records byte for byte in the order
 * they were captured, with the live sandbox's paging, filters and {@code timestamp} envelope, and
 * its catalogs. Read whole at start, so a damaged folder is refused at once; POSTed records are
 * kept in memory and never written to the folder.
 *
 * <p>{@code timestamp} filters compare the records' {@code created_at}/{@code updated_at} (Paris
 * time) with the UNIX seconds asked, as the generated sandbox compares its stamps.
 */
final class SnapshotSource implements SandboxSource {

  private final SnapshotFolder folder;
  private final int agencyId;
  private final String agency;
  private final Map<Resource, List<Stored>> records;
  private final Map<Long, List<Stored>> actionsByUser;
  private final String catalogIndex;
  private final Map<String, JsonNode> catalogs;
  private final Posted postedActions;
  private final Posted postedLeads;
  private final Posts posts;

  private SnapshotSource(
      SnapshotFolder folder,
      String agency,
      Map<Resource, List<Stored>> records,
      String catalogIndex,
      Map<String, JsonNode> catalogs,
      int maxPosted) {
    this.postedActions = new Posted(900_000_000_001L, maxPosted);
    this.postedLeads = new Posted(950_000_000_001L, maxPosted);
    this.posts = new Posts(postedActions, postedLeads);
    this.folder = folder;
    this.agencyId = Math.toIntExact(folder.manifest().agency());
    this.agency = agency;
    this.records = records;
    this.catalogIndex = catalogIndex;
    this.catalogs = catalogs;
    this.actionsByUser = new LinkedHashMap<>();
    for (Stored user : records.get(Resource.USERS)) {
      if (user.id() != null) {
        actionsByUser.put(user.id(), new ArrayList<>());
      }
    }
    for (Stored action : records.get(Resource.ACTIONS)) {
      List<Stored> own = action.user() == null ? null : actionsByUser.get(action.user());
      if (own != null) {
        own.add(action);
      }
    }
  }

  /**
   * Reads the snapshot in {@code path}.
   *
   * @throws IllegalArgumentException when it is missing, unfinished or damaged: one line saying
   *     which file and what to do
   */
  static SnapshotSource load(Path path) {
    return load(path, Posted.DEFAULT_MAX);
  }

  /**
   * @param maxPosted most POSTed records of each kind kept in memory
   */
  static SnapshotSource load(Path path, int maxPosted) {
    SnapshotFolder folder = SnapshotFolder.open(path);
    Manifest manifest = folder.manifest();
    String where = "Cannot serve the snapshot at " + path + ": ";
    if (manifest.format() > Manifest.FORMAT) {
      throw new IllegalArgumentException(
          where + "it was written by a newer apimo-shell (format " + manifest.format() + ")");
    }
    if (!manifest.complete()) {
      throw new IllegalArgumentException(
          where + "the capture did not finish; run it again to resume it, then replay it");
    }
    try {
      Map<Resource, List<Stored>> records = new EnumMap<>(Resource.class);
      for (Resource resource : Resource.values()) {
        records.put(resource, read(folder, resource, where));
      }
      String agency = readRaw(path, SnapshotFolder.AGENCY_FILE, where);
      String index = "catalogs/index.json";
      return new SnapshotSource(
          folder,
          agency,
          records,
          FolderFiles.find(path, index).isPresent() ? readRaw(path, index, where) : null,
          readCatalogs(path, where),
          maxPosted);
    } catch (NoSuchFileException | FolderFiles.UnsafeFileException e) {
      throw new IllegalArgumentException(where + e.getMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(where + "cannot read it (" + e + ")");
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(where + e.getMessage());
    }
  }

  private static List<Stored> read(SnapshotFolder folder, Resource resource, String where)
      throws IOException {
    Manifest.Entry entry = folder.manifest().entry(resource);
    if (entry == null) {
      throw new IllegalArgumentException(
          where + Manifest.FILE_NAME + " lists no " + resource.listKey());
    }
    List<Stored> rows = new ArrayList<>();
    try (BufferedReader reader = FolderFiles.reader(folder.path(), entry.file())) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        try {
          rows.add(Stored.of(line, SnapshotFolder.record(line)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              where
                  + "record "
                  + (rows.size() + 1)
                  + " of "
                  + entry.file()
                  + " is damaged ("
                  + e.getMessage()
                  + ")");
        }
      }
    } catch (NoSuchFileException | FolderFiles.UnsafeFileException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalArgumentException(where + "cannot read " + entry.file() + " (" + e + ")");
    }
    if (rows.size() != entry.count()) {
      throw new IllegalArgumentException(
          where
              + entry.file()
              + " holds "
              + rows.size()
              + " records where "
              + Manifest.FILE_NAME
              + " says "
              + entry.count());
    }
    return resource == Resource.PROPERTIES ? new CopyOnWriteArrayList<>(rows) : List.copyOf(rows);
  }

  /** The file {@code name} of the folder, checked to be one JSON value. */
  private static String readRaw(Path folder, String name, String where) throws IOException {
    try {
      String raw =
          new String(FolderFiles.readAllBytes(folder, name), StandardCharsets.UTF_8).strip();
      Json.MAPPER.readTree(raw);
      return raw;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          where + name + " is damaged (" + e.getOriginalMessage() + ")");
    }
  }

  /** Every {@code catalogs/NAME.CULTURE.json}, keyed {@code NAME.CULTURE}. */
  private static Map<String, JsonNode> readCatalogs(Path folder, String where) throws IOException {
    Map<String, JsonNode> catalogs = new HashMap<>();
    Optional<Path> dir = FolderFiles.folder(folder, "catalogs");
    if (dir.isEmpty()) {
      return catalogs;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.get(), "*.*.json")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        catalogs.put(
            name.substring(0, name.length() - ".json".length()),
            Json.MAPPER.readTree(readRaw(folder, "catalogs/" + name, where)));
      }
    }
    return catalogs;
  }

  SnapshotFolder folder() {
    return folder;
  }

  @Override
  public Json.Body agencies(Map<String, String> query) {
    return Listing.of(
        "agencies",
        Page.from(query, SandboxApi.MAX_OTHERS),
        Matches.all(1),
        (g, i) -> g.writeRawValue(agency),
        List.of(),
        g -> g.writeNumberField("timestamp", Stored.parse(agency).updated()));
  }

  @Override
  public AgencySource agency(String id) {
    if (!String.valueOf(agencyId).equals(id)) {
      throw HttpError.notFound(
          "agency " + id + " is not in this snapshot (it holds agency " + agencyId + ")");
    }
    return new Agency();
  }

  /** The snapshot's agency: its lists, filtered and paged as the generated sandbox does. */
  private final class Agency implements AgencySource {

    @Override
    public Json.Body users(Map<String, String> query) {
      return list(Resource.USERS, query, SandboxApi.MAX_USERS, null, List.of());
    }

    @Override
    public Json.Body actions(String user, Map<String, String> query) {
      List<Stored> own = null;
      try {
        own = actionsByUser.get(Long.parseLong(user));
      } catch (NumberFormatException e) {
        // not an id: unknown below
      }
      if (own == null) {
        throw HttpError.notFound("unknown user " + user + " in agency " + agencyId);
      }
      Integer type = Filters.integer(query, "type");
      List<ObjectNode> created =
          postedActions.matching(
              agencyId,
              e ->
                  e.json().path("user").asText().equals(user)
                      && (type == null || e.json().path("type").asText().equals(type.toString())));
      return listing(
          "actions",
          own,
          query,
          SandboxApi.MAX_ACTIONS,
          type == null ? null : r -> type.equals(r.type()),
          created,
          false);
    }

    @Override
    public Json.Body properties(Map<String, String> query) {
      Long since = Filters.longValue(query, "timestamp");
      Integer step = Filters.integer(query, "step");
      Integer status = Filters.integer(query, "status");
      // As the generated sandbox does, {@code group} selects on the property's category.
      Integer group = Filters.integer(query, "group");
      return list(
          Resource.PROPERTIES,
          query,
          SandboxApi.MAX_PROPERTIES,
          since == null && step == null && status == null && group == null
              ? null
              : r ->
                  (since == null || r.since(since))
                      && (step == null || step.equals(r.step()))
                      && (status == null || status.equals(r.status()))
                      && (group == null || group.equals(r.category())),
          List.of());
    }

    @Override
    public Json.Body contacts(Map<String, String> query) {
      return sinceList(Resource.CONTACTS, query, SandboxApi.MAX_CONTACTS, List.of());
    }

    @Override
    public Json.Body requests(Map<String, String> query) {
      return list(Resource.REQUESTS, query, SandboxApi.MAX_OTHERS, null, List.of());
    }

    @Override
    public Json.Body contracts(Map<String, String> query) {
      return sinceList(Resource.CONTRACTS, query, SandboxApi.MAX_CONTRACTS, List.of());
    }

    @Override
    public Json.Body leads(Map<String, String> query) {
      Long since = Filters.longValue(query, "timestamp");
      return sinceList(
          Resource.LEADS,
          query,
          SandboxApi.MAX_OTHERS,
          postedLeads.matching(agencyId, e -> since == null || e.epoch() >= since));
    }

    @Override
    public Json.Body createAction(byte[] body) {
      return posts.createAction(agencyId, actionsByUser::containsKey, body);
    }

    @Override
    public Json.Body createLead(byte[] body) {
      return posts.createLead(agencyId, body);
    }
  }

  private Json.Body sinceList(
      Resource resource, Map<String, String> query, int max, List<ObjectNode> created) {
    Long since = Filters.longValue(query, "timestamp");
    return list(resource, query, max, since == null ? null : r -> r.since(since), created);
  }

  private Json.Body list(
      Resource resource,
      Map<String, String> query,
      int max,
      Predicate<Stored> filter,
      List<ObjectNode> created) {
    Manifest.Entry entry = folder.manifest().entry(resource);
    boolean stamped = resource == Resource.PROPERTIES || entry.timestamp() != null;
    return listing(resource.listKey(), records.get(resource), query, max, filter, created, stamped);
  }

  /**
   * A paged list of {@code rows} that pass {@code filter} (null: all of them), then {@code
   * created}; with {@code stamped}, the envelope's {@code timestamp} is the latest update among the
   * matches, as the generated sandbox computes it for properties.
   */
  private static Json.Body listing(
      String key,
      List<Stored> all,
      Map<String, String> query,
      int max,
      Predicate<Stored> filter,
      List<ObjectNode> created,
      boolean stamped) {
    Page page = Page.from(query, max);
    List<Stored> rows = List.copyOf(all);
    Predicate<Stored> selected = filter == null ? r -> true : filter;
    Matches matches =
        filter == null
            ? Matches.all(rows.size())
            : Matches.scan(rows.size(), i -> filter.test(rows.get((int) i)));
    Listing.Extra extra =
        stamped
            ? g -> {
              g.writeNumberField(
                  "timestamp",
                  rows.stream().filter(selected).mapToLong(Stored::updated).max().orElse(0));
              if (key.equals("properties")) {
                g.writeNumberField("processing_time", 0); // as the generated sandbox sends it
              }
            }
            : g -> {};
    return Listing.of(
        key, page, matches, (g, i) -> g.writeRawValue(rows.get((int) i).raw()), created, extra);
  }

  @Override
  public Json.Body catalogs(String baseUrl) {
    if (catalogIndex == null) {
      throw HttpError.notFound("this snapshot holds no list of catalogs");
    }
    JsonNode listed;
    try {
      listed = Json.MAPPER.readTree(catalogIndex);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var served = Json.MAPPER.createArrayNode();
    for (JsonNode info : listed) {
      String name = info.path("name").asText();
      if (info instanceof ObjectNode object && servesEveryCulture(name)) {
        ObjectNode copy = object.deepCopy();
        copy.put("path", Catalogs.catalogUrl(baseUrl, name));
        served.add(copy);
      }
    }
    return g -> g.writeTree(served);
  }

  /** Whether the snapshot holds the catalog in every culture it was captured in. */
  private boolean servesEveryCulture(String name) {
    List<String> cultures = folder.manifest().cultures();
    return !cultures.isEmpty()
        && cultures.stream().allMatch(c -> catalogs.containsKey(name + "." + c));
  }

  /** The saved answer, its entries' {@code culture} echoing the one asked, as Apimo does. */
  @Override
  public Json.Body catalog(String name, Map<String, String> query) {
    String culture = query.getOrDefault("culture", "fr");
    JsonNode saved = catalogs.get(name + "." + Catalogs.language(culture));
    if (saved == null) {
      throw HttpError.notFound("catalog " + name + " is not in this snapshot");
    }
    JsonNode answer = saved.deepCopy();
    for (JsonNode entry : answer) {
      if (entry instanceof ObjectNode object && object.has("culture")) {
        object.put("culture", culture);
      }
    }
    return g -> g.writeTree(answer);
  }

  @Override
  public void changeProperty(long agency, long propertyId, String path, JsonNode value) {
    List<Stored> properties = records.get(Resource.PROPERTIES);
    for (int i = 0; i < properties.size(); i++) {
      Stored row = properties.get(i);
      if (agency == agencyId && row.id() != null && row.id() == propertyId) {
        ObjectNode record = row.tree();
        PropertyChange.now(path, value).applyTo(record);
        properties.set(i, Stored.of(record.toString(), record));
        return;
      }
    }
    throw new IllegalArgumentException("no property " + propertyId + " in agency " + agency);
  }

  @Override
  public void writeStats(JsonGenerator g) throws IOException {
    g.writeStringField("snapshot", folder.path().toString());
    posts.writeStats(g);
    g.writeArrayFieldStart("agencies");
    g.writeStartObject();
    g.writeNumberField("id", agencyId);
    g.writeBooleanField("linked", true);
    for (Resource resource : Resource.values()) {
      g.writeNumberField(resource.listKey(), records.get(resource).size());
    }
    g.writeEndObject();
    g.writeEndArray();
  }
}
