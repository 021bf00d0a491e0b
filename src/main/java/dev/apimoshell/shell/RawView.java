package dev.apimoshell.shell;

import dev.apimoshell.http.Exchange;
import dev.apimoshell.internal.json.Json;
import dev.apimoshell.internal.text.ControlChars;
import java.io.IOException;

/**
 * {@code /raw}: the last exchange as support staff want it, the request line and the body Apimo
 * sent, pretty-printed when it is JSON, control characters made visible. Password fields are left
 * out. At the prompt it shows a screenful and says how to see or save the rest.
 */
final class RawView {

  private RawView() {}

  /** The whole exchange. */
  static String of(Exchange exchange) {
    return of(exchange, 0);
  }

  /**
   * @param lines the body lines to show, 0 for all
   */
  static String of(Exchange exchange, int lines) {
    if (exchange == null) {
      return "no HTTP exchange yet: run a query first";
    }
    String body = ControlChars.visible(body(exchange));
    if (lines > 0) {
      int end = -1;
      int shown = 0;
      while (shown < lines && (end = body.indexOf('\n', end + 1)) >= 0) {
        shown++;
      }
      if (end >= 0 && end < body.length() - 1) {
        long rest = body.substring(end + 1).lines().count();
        body =
            body.substring(0, end)
                + "\n… "
                + rest
                + " more lines of "
                + exchange.bytes()
                + " bytes: /raw all shows them, /raw FILE saves the body";
      }
    }
    return ControlChars.visible(exchange.toString()) + "\n" + body;
  }

  /** The body as {@code /raw} shows it: pretty JSON without passwords, or the text. */
  static String body(Exchange exchange) {
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
