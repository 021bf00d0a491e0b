package dev.apimoshell.shell;

import dev.apimoshell.http.Exchange;
import dev.apimoshell.model.Json;
import java.io.IOException;

/**
 * {@code /raw}: the last exchange as support staff want it, the request line and the body Apimo
 * sent, pretty-printed when it is JSON. Password fields are left out; very long bodies are cut,
 * with a pointer to the whole.
 */
final class RawView {

  private static final int MAX_CHARS = 20_000;

  private RawView() {}

  static String of(Exchange exchange) {
    if (exchange == null) {
      return "no HTTP exchange yet: run a query first";
    }
    String body = body(exchange);
    if (body.length() > MAX_CHARS) {
      body =
          body.substring(0, MAX_CHARS)
              + "\n… cut at "
              + MAX_CHARS
              + " characters;"
              + " Apimo.client().http().lastExchange().bodyText() has all "
              + exchange.bytes()
              + " bytes";
    }
    return exchange + "\n" + body;
  }

  private static String body(Exchange exchange) {
    if (exchange.body().length == 0) {
      return "(empty body)";
    }
    try {
      var tree = Json.mapper().readTree(exchange.body());
      return Json.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(Json.treeWithoutSecrets(tree));
    } catch (IOException notJson) {
      return exchange.bodyText();
    }
  }
}
