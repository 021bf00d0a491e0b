package dev.apimoshell.api;

import dev.apimoshell.model.Agency;
import dev.apimoshell.model.Contact;
import dev.apimoshell.model.Lead;
import dev.apimoshell.model.Property;
import dev.apimoshell.model.User;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names compared as a person types them: without accents and case, so {@code "gaelle"} finds Gaëlle
 * and {@code "lefevre dup"} finds Lefèvre-Dupont (every word typed must appear).
 *
 * <pre>{@code
 * Names.matches("Gaëlle Lefèvre", "gaelle")   // true
 * Apimo.agency(14).users().named("gaelle").list()
 * }</pre>
 */
public final class Names {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Names() {}

  /** {@code text} without accents, in lower case: {@code "Gaëlle"} is {@code "gaelle"}. */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return plain.replace('ø', 'o').replace("œ", "oe").replace("æ", "ae").toLowerCase(Locale.ROOT);
  }

  /** Whether every word of {@code typed} is in {@code name}, accents and case aside. */
  public static boolean matches(String name, String typed) {
    String folded = fold(name);
    for (String word : fold(typed).split("[\\s]+")) {
      if (!word.isEmpty() && !folded.contains(word)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The names a record is known by: a user's or contact's first, last and user name, a listing's
   * name and reference, an agency's name; anything else by its {@code toString}.
   */
  static String of(Object record) {
    if (record instanceof User u) {
      return join(u.firstname(), u.lastname(), u.username());
    }
    if (record instanceof Contact c) {
      return join(c.firstname(), c.lastname());
    }
    if (record instanceof Property p) {
      return join(p.name(), p.reference());
    }
    if (record instanceof Lead l) {
      return join(l.firstname(), l.lastname());
    }
    if (record instanceof Agency a) {
      return join(a.name());
    }
    return String.valueOf(record);
  }

  private static String join(String... parts) {
    var all = new StringBuilder();
    for (String part : parts) {
      if (part != null) {
        all.append(all.isEmpty() ? "" : " ").append(part);
      }
    }
    return all.toString();
  }
}
