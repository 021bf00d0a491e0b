package dev.apimoshell.shell.print;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.e2e.AgainstTheSandbox;
import dev.apimoshell.internal.export.ColumnKind;
import dev.apimoshell.internal.text.DisplayWidth;
import dev.apimoshell.model.Contact;
import dev.apimoshell.model.Property;
import dev.apimoshell.model.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agency 14 of the in-process sandbox printed at 40, 60, 80 and 120 columns: no line wider than the
 * terminal, and every id, phone number, email, reference and price whole.
 */
class WidthAwareDisplayTest extends AgainstTheSandbox {

  static List<String> render(Object value, int width) {
    var lines = new ArrayList<String>();
    ValueRenderer.render(value, null, PrintPolicy.terminal(20, width), lines::add);
    return lines;
  }

  /**
   * Every line fits, but for a line that holds one id, phone number or email alone: never split,
   * the terminal wraps it (and copies it whole).
   */
  static void fits(List<String> lines, int width) {
    assertThat(lines)
        .allSatisfy(
            l ->
                assertThat(
                        DisplayWidth.of(l) <= width
                            || ColumnKind.keyValue(l.strip().replaceFirst("^[a-z_.]+: ", "")))
                    .as("fits in %d columns or holds one key value: %s", width, l)
                    .isTrue());
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 60, 80, 120})
  void usersKeepIdsEmailsAndPhonesWhole(int width) {
    List<User> users = client.agency(14).users().list().subList(0, 20);
    List<String> lines = render(users, width);
    fits(lines, width);
    String text = String.join("\n", lines);
    for (User u : users) {
      assertThat(text).contains(String.valueOf(u.id()));
      if (u.email() != null) assertThat(text).contains(u.email());
      if (u.mobile() != null) assertThat(text).contains(u.mobile());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 60, 80, 120})
  void propertiesKeepReferencesAndPricesWhole(int width) {
    List<Property> all = client.agency(14).properties().page(20).items();
    List<String> lines = render(all, width);
    fits(lines, width);
    String text = String.join("\n", lines);
    for (Property p : all) {
      assertThat(text).contains(String.valueOf(p.id()));
      if (p.reference() != null) assertThat(text).contains(p.reference());
      if (p.price() != null && p.price().value() != null)
        assertThat(text).contains(String.valueOf(p.price().value()));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 60, 80, 120})
  void contactsKeepPhonesAndEmailsWhole(int width) {
    List<Contact> all = client.agency(14).contacts().page(20).items();
    List<String> lines = render(all, width);
    fits(lines, width);
    String text = String.join("\n", lines);
    for (Contact c : all) {
      assertThat(text).contains(String.valueOf(c.id()));
      if (c.email() != null) assertThat(text).contains(c.email());
      if (c.mobile() != null) assertThat(text).contains(c.mobile());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 60})
  void aCardWrapsKeyValuesAndCutsTextWithAHint(int width) {
    Property p = client.agency(14).properties().page(1).items().get(0);
    List<String> lines = render(p, width);
    fits(lines, width);
    String text = String.join("\n", lines);
    assertThat(text)
        .contains(p.user().email(), p.user().mobile(), String.valueOf(p.price().value()))
        .contains("(.comments() for all)")
        .contains("construction.");
    assertThat(lines).anyMatch(l -> l.matches("id +" + p.id()));
  }
}
