package dev.apimoshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.ApimoException;
import dev.apimoshell.model.Action;
import dev.apimoshell.model.Agency;
import dev.apimoshell.model.Contact;
import dev.apimoshell.model.NewAction;
import dev.apimoshell.model.NewLead;
import dev.apimoshell.model.Property;
import dev.apimoshell.model.User;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Our client against the sandbox over real HTTP on loopback: counts, filters, laziness, writes. */
class SandboxEndToEndTest extends AgainstTheSandbox {
  private long requestsDuring(Runnable action) {
    long before = sandbox.requestCount();
    action.run();
    return sandbox.requestCount() - before;
  }

  @Test
  void countsAgreeWithPagingThroughEverything() {
    var users = client.agency(14).users();
    long total = users.count();
    List<User> all = users.pageSize(7).list();

    assertThat(total).isPositive();
    assertThat(all).hasSize((int) total);
    assertThat(all.stream().map(User::id).distinct().count()).isEqualTo(total);
    assertThat(all).allSatisfy(u -> assertThat(u.agency()).isEqualTo(14));
  }

  @Test
  void firstAndLimitAreLazy() {
    assertThat(requestsDuring(() -> client.agency(14).user(9).actions().first())).isEqualTo(1);
    assertThat(requestsDuring(() -> client.agency(14).user(9).actions().stream().findFirst()))
        .isEqualTo(1);
    assertThat(requestsDuring(() -> client.agency(14).contacts().count())).isEqualTo(1);
    assertThat(
            requestsDuring(
                () ->
                    assertThat(client.agency(14).contacts().pageSize(100).limit(250).list())
                        .hasSize(250)))
        .isEqualTo(3);
  }

  @Test
  void serverAndClientFiltersAgree() {
    var actions = client.agency(14).user(9).actions();
    List<Action> all = actions.list();
    long calls = all.stream().filter(a -> Integer.valueOf(1).equals(a.type())).count();

    assertThat(actions.type(1).count()).isEqualTo(calls);
    assertThat(actions.type(1).list()).allSatisfy(a -> assertThat(a.type()).isEqualTo(1));
    assertThat(actions.where(a -> Integer.valueOf(1).equals(a.type())).count()).isEqualTo(calls);

    List<Property> inProgress = client.agency(14).properties().step(1).list();
    assertThat(inProgress).isNotEmpty().allSatisfy(p -> assertThat(p.step()).isEqualTo(1));
    assertThat(inProgress.size()).isLessThan((int) client.agency(14).properties().count());
  }

  @Test
  void sinceReturnsOnlyRecentChanges() {
    LocalDateTime cutoff = LocalDateTime.of(2024, 1, 1, 0, 0);
    List<Contact> recent = client.agency(14).contacts().since(cutoff).list();
    assertThat(recent)
        .allSatisfy(
            c ->
                assertThat(
                        c.updatedAt() != null && !c.updatedAt().isBefore(cutoff)
                            || c.createdAt() != null && !c.createdAt().isBefore(cutoff))
                    .isTrue());
    assertThat(recent.size()).isLessThan((int) client.agency(14).contacts().count());
  }

  @Test
  void everyEndpointParsesAndPagesWithoutRepeats() {
    var agency = client.agency(14);
    for (var query :
        List.of(
            agency.properties().pageSize(333),
            agency.contacts().pageSize(999),
            agency.requests().pageSize(50),
            agency.contracts().pageSize(77),
            agency.leads().pageSize(40))) {
      Set<Long> ids = new HashSet<>();
      long n =
          query.stream().peek(r -> ids.add(((dev.apimoshell.model.ApimoRecord) r).id())).count();
      assertThat(ids).as(query.path()).hasSize((int) n);
      assertThat(n).as(query.path()).isEqualTo(query.count());
    }
    assertThat(client.agencies().list()).extracting(Agency::id).contains(14L);
  }

  @Test
  void errorsComeFromTheServerAsClearMessages() {
    assertThatThrownBy(() -> client.agency(99).users().count())
        .isInstanceOf(ApimoException.AccessDeniedException.class)
        .hasMessageContaining("agency 99");
    assertThatThrownBy(() -> client.agency(12345).users().count())
        .isInstanceOf(ApimoException.NotFoundException.class)
        .hasMessageContaining("agency 12345 does not exist");
    assertThatThrownBy(() -> client.agency(14).user(999_999).actions().count())
        .isInstanceOf(ApimoException.NotFoundException.class)
        .hasMessageContaining("user 999999");
    ApimoClient wrong =
        ApimoClient.connect(
            ApimoConfig.of(sandbox.baseUrl(), sandbox.provider(), "wrong")
                .withRequestsPerSecond(0));
    assertThatThrownBy(() -> wrong.agency(14).users().count())
        .isInstanceOf(ApimoException.AuthenticationException.class);
  }

  @Test
  void writesCreateRecordsVisibleToLaterReads() {
    long before = client.agency(14).leads().count();
    long leadId =
        client
            .agency(14)
            .sendLead(NewLead.of("Lefèvre", "h.lefevre@example.com").message("Encore dispo ?"));
    assertThat(client.agency(14).leads().count()).isEqualTo(before + 1);
    assertThat(client.agency(14).leads().where(l -> l.id() == leadId).first())
        .get()
        .satisfies(l -> assertThat(l.lastname()).isEqualTo("Lefèvre"));

    long actionId =
        client
            .agency(14)
            .createAction(NewAction.of(9, LocalDate.of(2026, 11, 28)).type(1).subject("Rappel"));
    assertThat(client.agency(14).user(9).actions().where(a -> a.id() == actionId).first())
        .get()
        .satisfies(a -> assertThat(a.subject()).isEqualTo("Rappel"));
  }

  @Test
  void labelsComeFromTheSandboxCatalogs() {
    User first = client.agency(14).users().first().orElseThrow();
    assertThat(client.catalog("user_group").label(first.group()))
        .isNotBlank()
        .doesNotStartWith("[");
    assertThat(client.culture("fr").catalog("property_category").label(1)).isEqualTo("Vente");
    client.culture("en");
  }

  @Test
  void tablesAndExportsShowCodesAsWords(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    client.makeDefault();
    var catalog = client.catalog("user_group");
    List<User> users = client.agency(14).users().list();

    String table = client.agency(14).users().preview(5);
    assertThat(table.lines().findFirst().orElseThrow()).contains("group_label");
    String word = catalog.label(users.get(0).group());
    // a narrow table may cut the word (with a hint): its start is there, not the code
    assertThat(table).contains(word.substring(0, Math.min(8, word.length())));

    var csv = dir.resolve("users.csv");
    client
        .agency(14)
        .users()
        .export(csv, dev.apimoshell.export.ExportOptions.defaults().withLabels(true));
    List<String> lines = java.nio.file.Files.readAllLines(csv);
    assertThat(lines.get(0)).contains("group,group_label,");
    assertThat(lines.get(1))
        .contains("," + users.get(0).group() + "," + catalog.label(users.get(0).group()) + ",");

    var json = dir.resolve("actions.ndjson");
    client
        .agency(14)
        .user(9)
        .actions()
        .limit(3)
        .export(json.toString(), "id", "type", "type_label");
    for (String line : java.nio.file.Files.readAllLines(json)) {
      var node = dev.apimoshell.internal.json.Json.mapper().readTree(line);
      assertThat(node.get("type_label").asText())
          .isEqualTo(client.catalog("action_type").label(node.get("type").asInt()));
    }
  }
}
