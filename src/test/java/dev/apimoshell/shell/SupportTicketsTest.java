package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.Apimo;
import dev.apimoshell.api.LastAction;
import dev.apimoshell.http.PageListener;
import dev.apimoshell.model.Action;
import dev.apimoshell.model.Contact;
import dev.apimoshell.model.Property;
import dev.apimoshell.model.User;
import dev.apimoshell.shell.print.PrintPolicy;
import dev.apimoshell.shell.print.ValueRenderer;
import dev.apimoshell.snapshot.Snapshot;
import dev.apimoshell.snapshot.SnapshotDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's five support tickets about agency 14, each answered in one or two calls on a terminal
 * 60 columns wide: every value support staff read out (ids, names asked for, phone numbers, emails,
 * references, prices, dates) appears whole.
 */
class SupportTicketsTest extends ScriptsAgainstTheSandbox {
  private static final int WIDTH = 60;

  @TempDir Path dir;

  /** What the prompt prints for {@code value} at 60 columns. */
  private static String at60(Object value) {
    var lines = new ArrayList<String>();
    ValueRenderer.render(value, null, PrintPolicy.terminal(20, WIDTH), lines::add);
    return String.join("\n", lines);
  }

  @Test
  void whichUsersAreInactiveAndWhenDidEachLastAct() {
    List<String> plans = new CopyOnWriteArrayList<>();
    PageListener listener =
        new PageListener() {
          @Override
          public void onPage(String path, long fetched, long expected) {}

          @Override
          public void onPlan(String path, String plan) {
            plans.add(plan);
          }
        };
    List<LastAction> inactive =
        Apimo.client().withPageListener(listener).agency(14).actions().lastPerUser().stream()
            .filter(l -> !l.active())
            .toList();
    long users = Apimo.agency(14).users().count();
    assertThat(plans)
        .containsExactly(
            "every user's actions: "
                + users
                + " users, at least "
                + (users + 1)
                + " requests (one per 1000 actions of each user)");

    String shown = at60(inactive);
    assertThat(inactive).isNotEmpty();
    for (LastAction l : inactive) {
      assertThat(shown).contains(String.valueOf(l.user()));
      if (l.date() != null) {
        assertThat(shown).contains(l.date().toString());
      }
    }
    assertThat(
            Progress.overallLine(
                "agencies/14/users/*/actions", 10, 40, TimeUnit.SECONDS.toNanos(5)))
        .isEqualTo("agencies/14/users/*/actions: user 10 of 40 (25%), 15 s left  (Ctrl-C stops)");
  }

  @Test
  void aContactSaysNobodyCalledHerBack() {
    Action any =
        Apimo.agency(14).user(1).actions().where(a -> a.contact() != null).first().orElseThrow();
    Contact contact = Apimo.agency(14).contact(any.contact()).orElseThrow();
    List<Action> actions = Apimo.agency(14).actions().contact(contact.id()).list();

    String card = at60(contact);
    assertThat(card).contains(String.valueOf(contact.id()));
    if (contact.mobile() != null) {
      assertThat(card).contains(contact.mobile());
    }
    if (contact.email() != null) {
      assertThat(card).contains(contact.email());
    }
    String table = at60(actions);
    for (Action a : actions.subList(0, Math.min(20, actions.size()))) {
      assertThat(table).contains(String.valueOf(a.id()), String.valueOf(a.date()));
    }
  }

  @Test
  void thisListingShowsTheWrongPrice() {
    Property p = Apimo.agency(14).properties().reference("1014").orElseThrow();

    String card = at60(p);
    assertThat(card)
        .contains("1014")
        .contains(String.valueOf(p.id()))
        .containsPattern("price\\.value +" + p.price().value() + "\n");
    assertThat(card.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(WIDTH));
  }

  @Test
  void whatChangedSinceThisMorning() {
    // agency 58, a tenth of agency 14: two captures and a refresh, the same story
    Path morning = dir.resolve("agency-58@morning");
    Path now = dir.resolve("agency-58");
    Apimo.snapshot(58, morning.toString());
    Apimo.snapshot(58, now.toString());
    sandbox.changePropertyPrice(58, 5580000014L, 3_500_123);
    Apimo.refresh(now.toString());

    SnapshotDiff diff = Snapshot.diff(morning, now);
    String shown = at60(diff);

    assertThat(shown).contains("5580000014", "3500123", "price.value");
    assertThat(shown.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(WIDTH));
  }

  @Test
  void scriptItForEveryAgency() throws Exception {
    Path script = dir.resolve("inactive.jsh");
    Files.writeString(
        script,
        "long agency = Long.parseLong(arg(0, \"agency id\"));\n"
            + "Apimo.agency(agency).users().where(u -> !u.isActive()).list()\n");

    scripts.engine().setArgs(List.of());
    assertThat(scripts.run(Files.readString(script), Feedback.Mode.VALUES, "inactive.jsh"))
        .isEqualTo(2);
    assertThat(scripts.err()).contains("usage:").contains("agency id");

    scripts.engine().setArgs(List.of("14"));
    assertThat(scripts.run(Files.readString(script), Feedback.Mode.VALUES, "inactive.jsh"))
        .as(scripts.err())
        .isZero();
    String out = scripts.out();
    for (User u : Apimo.agency(14).users().where(u -> !u.isActive()).list()) {
      assertThat(out).contains(String.valueOf(u.id()));
      if (u.email() != null) {
        assertThat(out).contains(u.email());
      }
    }
  }
}
