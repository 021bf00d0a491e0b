package dev.apimoshell.sandbox;

import static dev.apimoshell.sandbox.SandboxHttp.get;
import static dev.apimoshell.sandbox.SandboxHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Options and state: limit clamping at scale, POSTs, rate limit, latency, determinism. */
class SandboxBehaviourTest {

  @Test
  void limitAboveTheMaximumIsClampedAndMissingLimitMeansTheMaximum() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withScale(10))) {
      assertClamped(sandbox, "/agencies/14/contacts", "contacts", 20_000, 10_000);
      assertClamped(sandbox, "/agencies/14/properties", "properties", 5_000, 1_000);
      assertClamped(sandbox, "/agencies/14/users/9/actions", "actions", 2_500, 1_000);
      assertClamped(sandbox, "/agencies/14/leads", "leads", 4_000, 1_000);
    }
  }

  private static void assertClamped(Sandbox sandbox, String path, String key, int total, int max) {
    JsonNode asked = get(sandbox, path + "?limit=" + (max * 5)).json();
    assertThat(asked.get(key).size()).as(path).isEqualTo(max);
    assertThat(asked.get("total_items").asInt()).as(path).isEqualTo(total);
    assertThat(get(sandbox, path).json().get(key).size())
        .as(path + " without limit")
        .isEqualTo(max);
  }

  @Test
  void badPostsAre400WithAMessage() {
    try (Sandbox sandbox = Sandbox.start()) {
      for (String body :
          List.of(
              "{\"date\":\"2024-05-02\"}",
              "{\"user\":\"9\"}",
              "{\"user\":\"9\",\"date\":\"02/05/2024\"}",
              "{\"user\":\"2101\",\"date\":\"2024-05-02\"}",
              "{\"user\":\"9\",\"date\":\"2024-05-02\",\"start_at\":\"25:00\"}",
              "[1,2]",
              "not json")) {
        SandboxHttp.Reply reply = post(sandbox, "/agencies/14/actions", body);
        assertThat(reply.status()).as(body).isEqualTo(400);
        assertThat(reply.json().get("error").textValue()).as(body).isNotBlank();
      }
      SandboxHttp.Reply lead =
          post(sandbox, "/agencies/14/leads", "{\"firstname\":\"Zoé\",\"email\":\"  \"}");
      assertThat(lead.status()).isEqualTo(400);
      assertThat(lead.json().get("error").textValue()).contains("lastname").contains("email");
      assertThat(post(sandbox, "/agencies/99/leads", "{\"lastname\":\"Roux\"}").status())
          .isEqualTo(403);
      assertThat(get(sandbox, "/agencies/14/users/9/actions").json().get("total_items").asInt())
          .isEqualTo(250);
    }
  }

  @Test
  void createdActionGetsANewIdAndIsVisibleToLaterGets() {
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxHttp.Reply created =
          post(
              sandbox,
              "/agencies/14/actions",
              "{\"user\":9,\"date\":\"2026-01-20\",\"type\":\"3\",\"start_at\":\"10:30\",\"end_at\":\"11:00\",\"subject\":\"Visite"
                  + " \\\"Villa Hélène\\\"\",\"properties\":\"5140000003\"}");
      assertThat(created.status()).isEqualTo(200);
      String id = created.json().get("id").textValue();
      assertThat(id).matches("\\d+");

      JsonNode all = get(sandbox, "/agencies/14/users/9/actions?offset=250").json();
      assertThat(all.get("total_items").asInt()).isEqualTo(251);
      JsonNode action = all.get("actions").get(0);
      assertThat(SandboxContractTest.fieldNames(action))
          .containsExactlyElementsOf(SandboxContractTest.ACTION_KEYS);
      assertThat(action.get("id").textValue()).isEqualTo(id);
      assertThat(action.get("user").textValue()).isEqualTo("9");
      assertThat(action.get("time_start").textValue()).isEqualTo("10:30:00");
      assertThat(action.get("subject").textValue()).isEqualTo("Visite \"Villa Hélène\"");
      assertThat(action.get("properties").get("id").textValue()).isEqualTo("5140000003");
      assertThat(get(sandbox, "/agencies/14/users/9/actions?type=3").json().findValuesAsText("id"))
          .contains(id);
      assertThat(get(sandbox, "/agencies/14/users/9/actions?type=1").json().findValuesAsText("id"))
          .doesNotContain(id);
      assertThat(get(sandbox, "/agencies/14/users/10/actions?offset=250").json().get("actions"))
          .isEmpty();
      String second =
          post(sandbox, "/agencies/14/actions", "{\"user\":\"9\",\"date\":\"2026-01-21\"}")
              .json()
              .get("id")
              .textValue();
      assertThat(second).isNotEqualTo(id);
    }
  }

  @Test
  void createdLeadIsVisibleToLaterGetsIncludingTimestampFilter() {
    try (Sandbox sandbox = Sandbox.start()) {
      long before = System.currentTimeMillis() / 1000 - 1;
      SandboxHttp.Reply created =
          post(
              sandbox,
              "/agencies/14/leads",
              "{\"lastname\":\"D'Artagnan\",\"message\":\"Bonjour,\\nje cherche un T3.\"}");
      assertThat(created.status()).isEqualTo(200);
      String id = created.json().get("id").textValue();

      JsonNode recent = get(sandbox, "/agencies/14/leads?timestamp=" + before).json();
      assertThat(recent.get("total_items").asInt()).isEqualTo(1);
      assertThat(recent.get("leads").get(0).get("id").textValue()).isEqualTo(id);
      assertThat(recent.get("leads").get(0).get("lastname").textValue()).isEqualTo("D'Artagnan");
      assertThat(get(sandbox, "/agencies/14/leads").json().get("total_items").asInt())
          .isEqualTo(401);
      assertThat(get(sandbox, "/agencies/21/leads").json().get("total_items").asInt())
          .isEqualTo(120);
    }
  }

  @Test
  void requestsAboveTheRateLimitAre429WithRetryAfter() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withRateLimit(5))) {
      List<SandboxHttp.Reply> replies = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        replies.add(get(sandbox, "/catalogs"));
      }
      List<SandboxHttp.Reply> refused = replies.stream().filter(r -> r.status() == 429).toList();
      assertThat(replies.stream().filter(r -> r.status() == 200).count()).isBetween(5L, 10L);
      assertThat(refused)
          .isNotEmpty()
          .allSatisfy(
              r -> {
                assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(r.json().get("error").textValue()).isNotBlank();
              });
    }
  }

  @Test
  void latencyDelaysEveryResponse() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withLatencyMs(150))) {
      long start = System.nanoTime();
      assertThat(get(sandbox, "/catalogs").status()).isEqualTo(200);
      assertThat(SandboxHttp.getWith(sandbox, "/catalogs").status()).isEqualTo(401);
      assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }
  }

  @Test
  void sameSeedGivesTheSameBytesAndAnotherSeedOtherData() {
    List<String> paths =
        List.of(
            "/agencies",
            "/agencies/14/users",
            "/agencies/14/users/9/actions?offset=100&limit=50",
            "/agencies/14/properties?limit=30",
            "/agencies/37/contacts?limit=100",
            "/agencies/14/requests?limit=20",
            "/agencies/14/contracts?limit=20",
            "/agencies/14/leads?limit=20");
    try (Sandbox a = Sandbox.start();
        Sandbox b = Sandbox.start();
        Sandbox c = Sandbox.start(SandboxOptions.defaults().withSeed(43))) {
      for (String path : paths) {
        assertThat(get(a, path).body()).as(path).isEqualTo(get(b, path).body());
        assertThat(get(a, path).body()).as(path).isNotEqualTo(get(c, path).body());
      }
    }
  }

  @Test
  void scale100StartsLazilyAndServesAMillionActions() {
    long start = System.nanoTime();
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withScale(100))) {
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
      long total = 0;
      for (JsonNode user : get(sandbox, "/agencies/14/users").json().get("users")) {
        total +=
            get(sandbox, "/agencies/14/users/" + user.get("id").asText() + "/actions?limit=1")
                .json()
                .get("total_items")
                .asLong();
      }
      assertThat(total).isEqualTo(1_000_000);
      JsonNode emails = get(sandbox, "/agencies/14/users/9/actions?offset=6000&type=2").json();
      assertThat(emails.get("total_items").asInt()).isEqualTo(25_000 / ActionGenerator.BLOCK * 5);
      assertThat(emails.get("actions"))
          .hasSize(250)
          .allSatisfy(a -> assertThat(a.get("type").textValue()).isEqualTo("2"));
      assertThat(get(sandbox, "/agencies/14/contacts?offset=199999").json().get("contacts"))
          .hasSize(1);
    }
  }
}
