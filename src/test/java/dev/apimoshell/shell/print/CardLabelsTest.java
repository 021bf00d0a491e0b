package dev.apimoshell.shell.print;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.e2e.AgainstTheSandbox;
import dev.apimoshell.model.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A record card shows each code with its word beside it, as tables do, in the culture of the client
 * that fetched the record, and asking the catalogs leaves {@code /raw} on the record's response.
 */
class CardLabelsTest extends AgainstTheSandbox {

  private static List<String> card(Object record) {
    var lines = new ArrayList<String>();
    ValueRenderer.render(record, null, PrintPolicy.full(), lines::add);
    return lines;
  }

  private static Property heated(ApimoClient client) {
    return client
        .agency(14)
        .properties()
        .where(p -> p.type() != null && p.heating() != null && p.heating().device() != null)
        .first()
        .orElseThrow();
  }

  private static String line(List<String> card, String field) {
    Pattern start = Pattern.compile("^" + Pattern.quote(field) + " +\\S");
    return card.stream().filter(l -> start.matcher(l).find()).findFirst().orElseThrow();
  }

  @Test
  void codesShowTheirWordInTheClientsCulture() {
    for (String culture : List.of("en", "fr")) {
      ApimoClient local = client.culture(culture);
      Property property = heated(local);
      String url = local.http().lastExchange().url();
      List<String> card = card(property);

      String type = property.type().toString();
      String word = local.catalog("property_type").label(property.type());
      assertThat(word).as(culture).isNotEqualTo(type);
      assertThat(line(card, "type")).as(culture).endsWith(type + " (" + word + ")");
      int device = property.heating().device();
      assertThat(line(card, "heating.device"))
          .as(culture)
          .endsWith(device + " (" + local.catalog("property_heating_device").label(device) + ")");
      assertThat(card).noneMatch(l -> l.startsWith("type_label"));
      assertThat(local.http().lastExchange().url()).as("/raw after the card").isEqualTo(url);
    }
    assertThat(
            line(card(heated(client.culture("fr"))), "type")
                .equals(line(card(heated(client.culture("en"))), "type")))
        .as("French and English words differ")
        .isFalse();
  }
}
