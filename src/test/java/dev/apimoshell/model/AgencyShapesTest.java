package dev.apimoshell.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.internal.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An agency reads in either shape seen: {@code users} as ids or as user objects, {@code providers},
 * {@code parameters} and {@code subscription} as {@code []}, null or a path.
 */
class AgencyShapesTest {

  private static Agency read(String json) throws Exception {
    return Json.mapper().readValue(json, Agency.class);
  }

  @Test
  void pathsAndUserObjectsAsApimoJsSeesThem() throws Exception {
    Agency agency =
        read(
            "{\"id\":\"14\",\"users\":[{\"id\":\"9\",\"agency\":\"14\",\"active\":true}],"
                + "\"providers\":\"/14/providers\",\"parameters\":\"/14/parameters\","
                + "\"subscription\":\"/14/subscription\",\"picture\":\"https://x.test/p.jpg\"}");

    assertThat(agency.id()).isEqualTo(14);
    assertThat(agency.providers()).isEqualTo("/14/providers");
    assertThat(agency.parameters()).isEqualTo("/14/parameters");
    assertThat(agency.subscription()).isEqualTo("/14/subscription");
    assertThat(agency.users()).hasSize(1);
    assertThat(((Map<?, ?>) agency.users().get(0)).get("id")).isEqualTo("9");
  }

  @Test
  void emptyListsNullsAndIdsAsOlderAnswersSentThem() throws Exception {
    Agency agency =
        read(
            "{\"id\":\"14\",\"users\":[\"9\",\"10\"],\"providers\":[],\"parameters\":[],"
                + "\"subscription\":null,\"picture\":null}");

    assertThat(agency.users()).containsExactly("9", "10");
    assertThat(agency.providers()).isEqualTo(List.of());
    assertThat(agency.parameters()).isEqualTo(List.of());
    assertThat(agency.subscription()).isNull();
    assertThat(agency.picture()).isEmpty();
  }
}
