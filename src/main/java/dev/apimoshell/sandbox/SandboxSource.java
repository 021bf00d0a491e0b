package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;

/**
 * Where a sandbox's answers come from: {@link GeneratedSource} makes records up from a seed, {@link
 * SnapshotSource} replays a snapshot folder. {@link SandboxHandler} (auth, routing, gzip) and the
 * paging ({@link Listing}, {@link Page}, {@link Matches}) are the same for both.
 */
interface SandboxSource {

  /** {@code GET /agencies}. */
  Json.Body agencies(Map<String, String> query);

  /**
   * The endpoints under {@code /agencies/{id}}.
   *
   * @throws HttpError 404 for an agency it does not hold, 403 for one the provider may not read
   */
  AgencySource agency(String id);

  /**
   * {@code GET /catalogs}: every catalog {@link #catalog} serves, each with its absolute URL.
   *
   * @param baseUrl the address the request came to, such as {@code http://127.0.0.1:8080}
   */
  Json.Body catalogs(String baseUrl);

  /** {@code GET /catalogs/{name}?culture=..}. */
  Json.Body catalog(String name, Map<String, String> query);

  /**
   * Sets one field of a property (a dotted path such as {@code price.value}) as if an agent had
   * edited it now: its {@code updated_at} moves to now, so {@code timestamp} filters find it.
   *
   * @throws IllegalArgumentException when the agency has no such property or field
   */
  void changeProperty(long agency, long propertyId, String path, JsonNode value);

  /** The volumes {@code GET /__stats} shows, as fields of its object. */
  void writeStats(JsonGenerator g) throws IOException;

  /** One agency's endpoints; POSTed records are kept in memory, never written anywhere. */
  interface AgencySource {
    Json.Body users(Map<String, String> query);

    /**
     * @throws HttpError 404 when the agency has no user {@code user}
     */
    Json.Body actions(String user, Map<String, String> query);

    Json.Body properties(Map<String, String> query);

    Json.Body contacts(Map<String, String> query);

    Json.Body requests(Map<String, String> query);

    Json.Body contracts(Map<String, String> query);

    Json.Body leads(Map<String, String> query);

    Json.Body createAction(byte[] body);

    Json.Body createLead(byte[] body);
  }
}
