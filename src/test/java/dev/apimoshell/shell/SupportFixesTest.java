package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimoshell.Apimo;
import dev.apimoshell.api.LastAction;
import dev.apimoshell.api.Names;
import dev.apimoshell.export.CsvDialect;
import dev.apimoshell.model.Action;
import dev.apimoshell.model.Property;
import dev.apimoshell.model.User;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20's everyday questions and small fixes, against the in-process sandbox. */
class SupportFixesTest extends ScriptsAgainstTheSandbox {

  @TempDir Path dir;

  @Test
  void showWithAMistypedColumnSuggestsTheRightOne() {
    assertThatThrownBy(() -> Apimo.agency(14).users().preview(3, "id", "lastnam"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lastname");
  }

  @Test
  void exportAListInACsvDialectAndFromTheCommand() throws Exception {
    List<User> users = Apimo.agency(14).users().limit(3).list();
    Path file = dir.resolve("users-fr.csv");

    Apimo.export(users, file.toString(), CsvDialect.EXCEL_FR, "id", "lastname");

    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFid;lastname\r\n").contains(users.get(0).lastname());

    Path fromCommand = dir.resolve("cmd.csv");
    int status =
        scripts.run(
            "var rows = Apimo.agency(14).users().limit(2).list();\n/export rows "
                + fromCommand
                + " EXCEL_FR\n",
            Feedback.Mode.SILENT,
            "t.jsh");
    assertThat(status).as(scripts.err()).isZero();
    assertThat(Files.readString(fromCommand, StandardCharsets.UTF_8)).startsWith("\uFEFFid;");
  }

  @Test
  void excelFrWritesAFloatAsTypedWithoutNoise() throws Exception {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("rate", 0.1f);
    row.put("tiny", 1e-7);
    row.put("ten", 10.0);
    Path file = dir.resolve("floats.csv");

    Apimo.export(List.of(row), file.toString(), CsvDialect.EXCEL_FR);

    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .contains("0,1;0,0000001;10,0")
        .doesNotContain("0,10000000149011612");
  }

  @Test
  void cultureSaysTheCulture() {
    assertThat(Apimo.culture("fr").toString()).endsWith("labels in fr");
    Apimo.culture("en");
  }

  @Test
  void aMissingScriptArgumentEndsWithAUsageLineAndStatusTwo() {
    scripts.engine().setArgs(List.of());
    int status =
        scripts.run(
            "String agency = arg(0, \"agency id\");\nSystem.out.println(\"not here\");\n",
            Feedback.Mode.SILENT,
            "report.jsh");
    assertThat(status).isEqualTo(2);
    assertThat(scripts.err()).contains("usage: ").contains("agency id").contains("missing");
    assertThat(scripts.out()).doesNotContain("not here");

    scripts.engine().setArgs(List.of("14"));
    assertThat(
            scripts.run(
                "System.out.println(arg(0, \"agency id\"));\n", Feedback.Mode.SILENT, "r.jsh"))
        .isZero();
    assertThat(scripts.out()).isEqualTo("14\n");
  }

  @Test
  void namedMatchesWithoutAccentsOrCase() {
    User accented =
        Apimo.agency(14).users().list().stream()
            .filter(u -> !u.firstname().equals(Names.fold(u.firstname())))
            .findFirst()
            .orElseThrow(); // Anaïs, Gaëlle, Benoît...
    String typed = Names.fold(accented.firstname()).toUpperCase(); // "ANAIS"

    List<User> found = Apimo.agency(14).users().named(typed).list();

    assertThat(found).extracting(User::id).contains(accented.id());
    assertThat(found)
        .allSatisfy(
            u ->
                assertThat(Names.fold(u.firstname() + " " + u.lastname() + " " + u.username()))
                    .contains(typed.toLowerCase()));
    assertThat(Names.matches("Gaëlle Lefèvre-Dupont", "gaelle lefevre")).isTrue();
    assertThat(Names.matches("Gaëlle", "gael x")).isFalse();
  }

  @Test
  void aPropertyByItsReference() {
    // the sandbox sends references as numbers, as Apimo does; a typed one may have spaces
    Optional<Property> p = Apimo.agency(14).properties().reference(" 1014 ");
    assertThat(p).map(Property::reference).contains("1014");
    assertThat(Apimo.agency(14).properties().reference("NO-SUCH-REF")).isEmpty();
  }

  @Test
  void actionsByContactAreNullSafeAndTheLatestIsOneCall() {
    List<Action> actions = Apimo.agency(14).user(1).actions().list();
    assertThat(actions).anyMatch(a -> a.contact() == null);
    long contact =
        actions.stream().filter(a -> a.contact() != null).findFirst().orElseThrow().contact();

    List<Action> withContact = Apimo.agency(14).actions().contact(contact).list();
    assertThat(withContact).isNotEmpty().allMatch(a -> a.contact() == contact);

    Action latest = Apimo.agency(14).user(1).actions().latest().orElseThrow();
    assertThat(actions).allMatch(a -> a.date() == null || !a.date().isAfter(latest.date()));
    assertThat(Apimo.agency(14).user(1).actions().latest(Action::date).map(Action::date))
        .contains(latest.date());
  }

  @Test
  void eachUsersLastActionInOneCall() {
    List<LastAction> last = Apimo.agency(14).actions().lastPerUser();
    List<User> users = Apimo.agency(14).users().list();

    assertThat(last)
        .extracting(LastAction::user)
        .containsExactlyElementsOf(users.stream().map(User::id).toList());
    LastAction first = last.get(0);
    assertThat(first.date())
        .isEqualTo(
            Apimo.agency(14).user(first.user()).actions().latest().map(Action::date).orElse(null));
  }
}
