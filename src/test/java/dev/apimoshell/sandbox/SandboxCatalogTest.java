package dev.apimoshell.sandbox;

import static dev.apimoshell.sandbox.SandboxHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Catalogs as Apimo serves them: untranslated codes left out, both culture spellings accepted. */
class SandboxCatalogTest {

  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void aCodeWithNoTranslationIsLeftOutOfThatCultureOnly() {
    assertThat(ids("property_service", "fr")).doesNotContain("77", "78", "79", "81", "113");
    assertThat(ids("property_service", "en")).contains("77", "78", "79", "81", "113");
    assertThat(ids("property_subtype", "fr")).doesNotContain("86", "106", "107", "108", "109");
    assertThat(ids("tags", "fr")).doesNotContain("18", "19", "20", "21", "22");
    assertThat(ids("tags", "en")).contains("18", "22");
    assertThat(ids("property_regulation", "en")).doesNotContain("145");
    assertThat(ids("property_regulation", "fr")).contains("145");
  }

  @Test
  void noEntryEverCarriesANullOrNullTextName() {
    for (JsonNode index : get(sandbox, "/catalogs").json()) {
      for (String culture : new String[] {"fr", "en"}) {
        JsonNode catalog =
            get(sandbox, "/catalogs/" + index.get("name").textValue() + "?culture=" + culture)
                .json();
        for (JsonNode entry : catalog) {
          assertThat(entry.get("name").isTextual()).as(entry.toString()).isTrue();
          assertThat(entry.get("name").textValue()).isNotEqualTo("null");
        }
      }
    }
  }

  @Test
  void culturesAreAcceptedWithTheirCountryAndEchoedAsAsked() {
    JsonNode fr = get(sandbox, "/catalogs/user_group?culture=fr_FR").json();
    JsonNode en = get(sandbox, "/catalogs/user_group?culture=en_GB").json();

    assertThat(fr.get(0).get("name").textValue()).isEqualTo("Administrateur");
    assertThat(fr.findValuesAsText("culture")).containsOnly("fr_FR");
    assertThat(en.get(0).get("name").textValue()).isEqualTo("Administrator");
    assertThat(en.findValuesAsText("culture")).containsOnly("en_GB");
    assertThat(get(sandbox, "/catalogs/user_group?culture=xx").status()).isEqualTo(400);
    assertThat(get(sandbox, "/catalogs/user_group?culture=xx").json().get("message").textValue())
        .contains("fr_FR")
        .contains("de");
  }

  @Test
  void everyCultureApimoTakesIsAnsweredInEnglishUnlessFrenchAndEchoedAsAsked() {
    JsonNode english = get(sandbox, "/catalogs/user_group?culture=en").json();
    for (String language : Catalogs.LANGUAGES) {
      for (String culture : new String[] {language, language + "_" + language.toUpperCase()}) {
        SandboxHttp.Reply reply = get(sandbox, "/catalogs/user_group?culture=" + culture);
        assertThat(reply.status()).as(culture).isEqualTo(200);
        assertThat(reply.json().findValuesAsText("culture")).as(culture).containsOnly(culture);
        if (!language.equals("fr")) {
          assertThat(reply.json().findValuesAsText("name"))
              .as(culture)
              .isEqualTo(english.findValuesAsText("name"));
        }
        assertThat(get(sandbox, "/agencies/14/properties?limit=1&culture=" + culture).status())
            .as("properties in " + culture)
            .isEqualTo(200);
      }
    }
    assertThat(Catalogs.LANGUAGES).hasSize(18);
  }

  @Test
  void theListGivesAbsoluteUrlsThatAnswer() {
    for (JsonNode info : get(sandbox, "/catalogs").json()) {
      String path = info.get("path").textValue();
      assertThat(path).isEqualTo(sandbox.baseUrl() + "/catalogs/" + info.get("name").textValue());
      assertThat(get(sandbox, path.substring(sandbox.baseUrl().length())).status()).isEqualTo(200);
    }
  }

  @Test
  void pluralsComeAsNamePlurialWhereTheCatalogHasThem() {
    JsonNode fr = get(sandbox, "/catalogs/property_type?culture=fr").json();
    JsonNode it = get(sandbox, "/catalogs/property_type?culture=it").json();

    assertThat(fr.get(0).get("name").textValue()).isEqualTo("Appartement");
    assertThat(fr.get(0).get("name_plurial").textValue()).isEqualTo("Appartements");
    assertThat(it.get(0).get("name_plurial").textValue()).isEqualTo("Apartments");
    assertThat(get(sandbox, "/catalogs/user_group?culture=fr").json().findValues("name_plurial"))
        .isEmpty();
  }

  private static java.util.List<String> ids(String catalog, String culture) {
    return get(sandbox, "/catalogs/" + catalog + "?culture=" + culture)
        .json()
        .findValuesAsText("id");
  }
}
