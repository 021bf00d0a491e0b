package dev.apimoshell.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.apimoshell.testing.LoopbackWireMock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What values look like at the prompt, through a JLine terminal over pipes (a {@link
 * TerminalSession}): text, cards, maps, hints, sizes, errors, and hostile data kept harmless.
 */
class ShellPrintingTest extends DefaultOnTheSandbox {

  /** A user whose names would clear the screen, retitle the window and write the clipboard. */
  static final String HOSTILE_USERS =
      "{\"users\":[{\"id\":1,\"agency\":14,\"active\":true,"
          + "\"firstname\":\"Eve\\u001b]0;pwned\\u0007\","
          + "\"lastname\":\"Mallory\\u001b]52;c;ZXZpbA==\\u0007\\u001b[2J\\u0000\\u009b31m\"}],"
          + "\"total_items\":1}";

  private WireMockServer hostile;
  private TerminalSession shell;

  @BeforeAll
  @Override
  protected void start() throws Exception {
    super.start();
    hostile = LoopbackWireMock.start();
    hostile.stubFor(get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson(HOSTILE_USERS)));
    hostile.stubFor(
        get(urlPathEqualTo("/agencies/15/users"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("bad \u001b]52;c;ZXZpbA==\u0007 request \u001b[2J")));
    shell = new TerminalSession(null); // no history file
  }

  @AfterAll
  @Override
  protected void stop() throws Exception {
    shell.close();
    hostile.stop();
    super.stop();
  }

  /** Types a line, waits for the next prompt, returns what was printed after the echoed line. */
  private String run(String line) throws Exception {
    String text = shell.run(line);
    int echo = text.indexOf('\n');
    return text.substring(echo + 1);
  }

  @Test
  void aStringPrintsAsItsText() throws Exception {
    String json = run("Apimo.agency(14).users().first().get().toJson()");
    assertThat(json).contains("{\n  \"id\" : ").doesNotContain("\\\"").doesNotContain("\\n");

    String preview = run("Apimo.agency(14).users().preview(3)");
    assertThat(preview).contains("… 37 more of 40").doesNotContain("\\n");
    assertThat(preview.lines().filter(l -> l.matches(" *\\d+ .*")).count()).isEqualTo(3);
  }

  @Test
  void anOptionalRecordPrintsAsItsCard() throws Exception {
    String out = run("Apimo.agency(14).users().first()");
    assertThat(out).doesNotContain("Optional[").containsPattern("\nlastname +\\S+");
    assertThat(run("Optional.empty()")).contains("==> Optional.empty");
  }

  @Test
  void aMapPrintsAsKeyAndValueColumns() throws Exception {
    String out =
        run(
            "Apimo.agency(14).users().stream().collect(Collectors.groupingBy(u ->"
                + " u.active()))");
    assertThat(out).contains("key    value").containsPattern("true +\\(\\d+ rows\\)");
  }

  @Test
  void aStreamPrintsAHintAndSendsNothing() throws Exception {
    long before = sandbox.requestCount();
    assertThat(run("Apimo.agency(14).users().stream()"))
        .contains("a Stream runs when ended: add .toList(), .count() or .forEach(...)")
        .doesNotContain("ReferencePipeline");
    assertThat(sandbox.requestCount()).isEqualTo(before);
  }

  @Test
  void aValueThatCannotBeShownIsAnErrorAndStackShowsThatFailure() throws Exception {
    run("throw new IllegalStateException(\"an older one\")");
    String out = run("Apimo.agency(99).users()");
    assertThat(out).contains("ERROR: cannot show $").contains("403").doesNotContain("==>");
    assertThat(run("/stack")).contains("403").doesNotContain("an older one").contains("\tat ");
  }

  @Test
  void varsShowsOneShortLinePerVariable() throws Exception {
    run("record Pt(int x) {}");
    run("var points = IntStream.range(0, 500).mapToObj(Pt::new).toList()");
    run("var numbers = IntStream.range(0, 5000).boxed().toList()");
    String vars = run("/vars");
    assertThat(vars)
        .contains("List<Pt> points = (500 rows)")
        .contains("numbers = (5,000 elements)");
    assertThat(vars.lines().count()).isLessThan(20);
    assertThat(vars.lines().mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(120);
  }

  @Test
  void aLongListOfPlainValuesShowsItsFirstElements() throws Exception {
    String out = run("IntStream.range(0, 5000).boxed().toList()");
    assertThat(out).contains("[0, 1, 2,").contains("19, … 4,980 more]");
    assertThat(out.lines().count()).isLessThan(5);
  }

  @Test
  void setRowsControlsHowMuchAValueShows() throws Exception {
    assertThat(run("/help")).contains("/set rows N|all");
    assertThat(run("/set rows 5")).contains("rows 5");
    assertThat(run("Apimo.agency(14).users()")).contains("… 35 more of 40");
    assertThat(run("/set rows all")).contains("rows all");
    String all = run("Apimo.agency(14).users()");
    assertThat(all).doesNotContain("more of");
    assertThat(all.lines().filter(l -> l.matches(" *\\d+ .*")).count()).isEqualTo(40);
    assertThat(run("/set rows lots")).contains("usage: /set rows N|all");
    assertThat(run("/set rows 20")).contains("rows 20");
    assertThat(run("Apimo.agency(14).users().show(3)")).contains("… 37 more of 40");
  }

  @Test
  void rawShowsAScreenfulAndSaysHowToSeeOrSaveAll() throws Exception {
    run("Apimo.agency(14).users().pageSize(40).list().size()");
    String screenful = run("/raw");
    assertThat(screenful).contains("/raw all shows them, /raw FILE saves the body");
    assertThat(screenful.lines().count()).isLessThanOrEqualTo(40);
    String all = run("/raw all");
    assertThat(all).doesNotContain("/raw all shows").contains("\"total_items\" : 40");
    Path file = Files.createTempDirectory("raw").resolve("body.json");
    assertThat(run("/raw " + file)).contains("saved the body");
    assertThat(Files.readString(file)).contains("\"total_items\" : 40");
  }

  @Test
  void aMegabyteStringValueShowsItsStartAndEndNotAMegabyteLine() throws Exception {
    String out = run("\"<start>\" + \"x\".repeat(1 << 20) + \"<end>\"");
    assertThat(out)
        .contains("<start>xxx", "x … x", "x<end>")
        .contains("… a line of 1,048,588 characters shows its start and end")
        .contains("/set rows all shows everything, .length() its size");
    assertThat(out.length()).isLessThan(2_000);
  }

  @Test
  void whatASnippetPrintsShowsCarriageReturnsAndBidiControlsAsTablesDo() throws Exception {
    int m = shell.mark();
    run("System.out.println(\"Mallory\\rGOODNAME\\u202Eevil\\u200F\\u001b[31mred\\u001b[0m\")");
    String printed = shell.raw(m);
    assertThat(printed)
        .contains("Mallory^MGOODNAME<U+202E>evil<U+200F>\u001b[31mred\u001b[0m") // colour kept
        .doesNotContain("Mallory\rGOODNAME", "\u202E", "\u200F");
  }

  @Test
  void hostileDataNeverReachesTheTerminalRaw() throws Exception {
    run("var evil = Apimo.connect(\"" + hostile.baseUrl() + "\", \"1\", \"hostile-test-token\")");
    int m = shell.mark();
    run("evil.agency(14).users()");
    run("evil.agency(14).users().list()");
    run("evil.agency(14).users().first()");
    run("evil.agency(14).users().first().get().lastname()");
    run("System.out.println(evil.agency(14).users().first().get().lastname())");
    run("evil.agency(14).users().list().get(0).toString()");
    run("evil.agency(15).users().list()");
    run("/raw");
    run("/vars");
    String printed = shell.raw(m);
    assertThat(printed)
        .doesNotContain("\u001b]", "\u001b[2J", "\u0007", "\u0000", "\u009b")
        .contains("Mallory^[]52;c;ZXZpbA==^G^[[2J")
        .contains("bad ^[]52;c;ZXZpbA==^G request");
  }
}
