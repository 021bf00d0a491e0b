package dev.apimoshell.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The sandbox's own made-up world: the fixed cast of {@link Agencies}, generated from a seed. */
final class GeneratedSource implements SandboxSource {

  private final SandboxData data;
  private final SandboxApi api;
  private final Posts posts;

  GeneratedSource(SandboxData data) {
    this.data = data;
    this.api = new SandboxApi(data);
    this.posts = new Posts(data.postedActions, data.postedLeads);
  }

  @Override
  public Json.Body agencies(Map<String, String> query) {
    return api.agencies(query);
  }

  @Override
  public AgencySource agency(String id) {
    AgencySpec agency = Agencies.visible(id);
    return new AgencySource() {
      @Override
      public Json.Body users(Map<String, String> query) {
        return api.users(agency, query);
      }

      @Override
      public Json.Body actions(String user, Map<String, String> query) {
        return api.actions(agency, user, query);
      }

      @Override
      public Json.Body properties(Map<String, String> query) {
        return api.properties(agency, query);
      }

      @Override
      public Json.Body contacts(Map<String, String> query) {
        return api.contacts(agency, query);
      }

      @Override
      public Json.Body requests(Map<String, String> query) {
        return api.requests(agency, query);
      }

      @Override
      public Json.Body contracts(Map<String, String> query) {
        return api.contracts(agency, query);
      }

      @Override
      public Json.Body leads(Map<String, String> query) {
        return api.leads(agency, query);
      }

      @Override
      public Json.Body createAction(byte[] body) {
        return posts.createAction(agency.id(), user -> agency.userIndex(user) >= 0, body);
      }

      @Override
      public Json.Body createLead(byte[] body) {
        return posts.createLead(agency.id(), body);
      }
    };
  }

  @Override
  public Json.Body catalogs(String baseUrl) {
    return api.catalogs(baseUrl);
  }

  @Override
  public Json.Body catalog(String name, Map<String, String> query) {
    return api.catalog(name, query);
  }

  @Override
  public void changeProperty(long agencyId, long propertyId, String path, JsonNode value) {
    AgencySpec agency =
        Agencies.ALL.stream()
            .filter(a -> a.id() == agencyId)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no agency " + agencyId));
    long index = agency.recordIndex(Rng.Kind.PROPERTY, propertyId, data.properties.count(agency));
    if (index < 0) {
      throw new IllegalArgumentException("no property " + propertyId + " in agency " + agencyId);
    }
    PropertyChange change = PropertyChange.now(path, value);
    change.applyTo(generated(agency, index)); // checks the path before it is kept
    data.propertyChanges.add(propertyId, change);
  }

  private ObjectNode generated(AgencySpec agency, long index) {
    try {
      TokenBuffer buffer = new TokenBuffer(Json.MAPPER, false);
      data.properties.write(buffer, agency, index);
      return Json.MAPPER.readTree(buffer.asParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void writeStats(JsonGenerator g) throws IOException {
    g.writeNumberField("scale", data.scale);
    g.writeNumberField("seed", data.seed);
    posts.writeStats(g);
    g.writeArrayFieldStart("agencies");
    for (AgencySpec agency : Agencies.ALL) {
      g.writeStartObject();
      g.writeNumberField("id", agency.id());
      g.writeBooleanField("linked", agency.linked());
      g.writeNumberField("users", agency.users());
      g.writeNumberField("actions", agency.users() * data.actions.count(agency));
      g.writeNumberField("contacts", data.contacts.count(agency));
      g.writeNumberField("properties", data.properties.count(agency));
      g.writeNumberField("requests", data.requests.count(agency));
      g.writeNumberField("contracts", data.contracts.count(agency));
      g.writeNumberField("leads", data.leads.count(agency));
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
