package dev.apimoshell.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.e2e.AgainstTheSandbox;
import dev.apimoshell.model.Action;
import dev.apimoshell.model.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agency.actions()} and parallel exports against the sandbox on loopback. */
class AgencyActionsTest extends AgainstTheSandbox {

  /** Agency 21: 12 users of 100 actions, pages of 30 (four per user, the last short). */
  private List<Action> userByUser(int type) {
    var all = new ArrayList<Action>();
    for (User user : client.agency(21).users().list()) {
      all.addAll(client.agency(21).user(user.id()).actions().type(type).parallel(1).list());
    }
    return all;
  }

  @Test
  void everyUsersActionsComeUserByUserInOrder() {
    var expected = new ArrayList<Action>();
    for (User user : client.agency(21).users().list()) {
      expected.addAll(client.agency(21).user(user.id()).actions().parallel(1).list());
    }

    assertThat(client.agency(21).actions().pageSize(30).parallel(6).list())
        .hasSize(expected.size())
        .isEqualTo(expected);
  }

  @Test
  void theTypeFilterGoesToEveryUser() {
    List<Action> calls = client.agency(21).actions().type(1).list();

    assertThat(calls).isNotEmpty().allSatisfy(a -> assertThat(a.type()).isEqualTo(1));
    assertThat(calls).isEqualTo(userByUser(1));
  }

  @Test
  void countIsTheSumOfTheUsersTotals() {
    long expected = 0;
    for (User user : client.agency(21).users().list()) {
      expected += client.agency(21).user(user.id()).actions().count();
    }
    long users = client.agency(21).users().count();
    long before = sandbox.requestCount();

    assertThat(client.agency(21).actions().count()).isEqualTo(expected);
    assertThat(sandbox.requestCount() - before).isEqualTo(users + 1);
    assertThat(client.agency(21).actions().limit(5).count()).isEqualTo(5);
  }

  @Test
  void firstPagesOfTheNextUsersOverlap() {
    var query = client.agency(21).actions().parallel(4);
    var source = new UsersActions<>(query, query::specFor, true);
    long n = 0;
    while (source.hasNext()) {
      source.next();
      n++;
    }

    assertThat(n).isEqualTo(query.count());
    assertThat(source.highWater()).isEqualTo(4);
  }

  @Test
  void anExportReadingActionsAsSentKeepsAsManyPagesInFlight() {
    var query = client.agency(21).actions().parallel(4);
    var source = (UsersActions<?>) query.sentSource();
    long n = 0;
    while (source.hasNext()) {
      assertThat(source.next()).isInstanceOf(dev.apimoshell.internal.client.SentRecord.class);
      n++;
    }

    assertThat(n).isEqualTo(query.count());
    assertThat(source.highWater()).isEqualTo(4);
  }

  @Test
  void aLimitAsksForNoUserBeyondIt() {
    long before = sandbox.requestCount();

    assertThat(client.agency(21).actions().pageSize(30).limit(40).list()).hasSize(40);
    // the user list, then user 1's pages of 30 and 10
    assertThat(sandbox.requestCount() - before).isEqualTo(3);
  }

  @Test
  void aParallelExportIsByteForByteTheSequentialOne(@TempDir Path dir) throws Exception {
    Path one = dir.resolve("one.csv");
    Path eight = dir.resolve("eight.csv");

    client.agency(21).actions().pageSize(30).parallel(1).export(one.toString());
    client.agency(21).actions().pageSize(30).parallel(8).export(eight.toString());

    assertThat(Files.size(one)).isGreaterThan(50_000);
    assertThat(Files.mismatch(one, eight)).isEqualTo(-1L);
  }

  @Test
  void fromUserStartsThereAndOffsetSaysWhatToUse() {
    List<User> users = client.agency(21).users().list();
    long third = users.get(2).id();

    assertThat(client.agency(21).actions().fromUser(third).first())
        .get()
        .extracting(Action::user)
        .isEqualTo(third);
    assertThatThrownBy(() -> client.agency(21).actions().offset(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fromUser");
  }

  @Test
  void fromAUserNoLongerInTheAgencyFailsInsteadOfGivingNothing(@TempDir Path dir) {
    AgencyActionQuery gone = client.agency(21).actions().fromUser(999_999);
    String said = "user 999999 is not in agency 21";

    assertThatThrownBy(gone::list)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(said);
    assertThatThrownBy(gone::count).hasMessageContaining(said);
    assertThatThrownBy(() -> gone.export(dir.resolve("actions.csv").toString()))
        .hasMessageContaining(said);
    assertThat(dir.resolve("actions.csv")).doesNotExist();
  }
}
