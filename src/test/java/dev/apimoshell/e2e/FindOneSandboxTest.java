package dev.apimoshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.model.Action;
import dev.apimoshell.model.Contact;
import dev.apimoshell.model.Property;
import dev.apimoshell.model.User;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding one record, and actions between two dates, against the sandbox over loopback HTTP. */
class FindOneSandboxTest extends AgainstTheSandbox {
  @Test
  void aPropertyAndAContactAreFoundByTheirId() {
    var agency = client.agency(14);
    Property last = agency.properties().pageSize(50).list().stream().reduce((a, b) -> b).get();
    Contact some = agency.contacts().offset(7).first().orElseThrow();

    assertThat(agency.property(last.id())).contains(last);
    assertThat(agency.contact(some.id())).contains(some);
    assertThat(agency.property(-1)).isEmpty();
  }

  @Test
  void aUsersDetailsAreItsRecord() {
    User listed = client.agency(14).users().offset(3).first().orElseThrow();

    assertThat(client.agency(14).user(listed.id()).details()).contains(listed);
    assertThat(client.agency(14).user(-1).details()).isEmpty();
  }

  @Test
  void actionsBetweenTwoDatesAreThoseOfThePeriod() {
    User user = client.agency(14).users().first().orElseThrow();
    var actions = client.agency(14).user(user.id()).actions();
    List<Action> all = actions.list();
    LocalDate from = all.get(all.size() / 3).date();
    LocalDate to = from.plusMonths(2);

    List<Action> between = actions.between(from, to).list();

    assertThat(between)
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.date()).isBetween(from, to))
        .containsExactlyElementsOf(
            all.stream()
                .filter(a -> a.date() != null && !a.date().isBefore(from) && !a.date().isAfter(to))
                .toList());
  }
}
