package dev.apimoshell.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A javadoc comment as plain text for the terminal: {@code {@code x}} becomes {@code x}, links
 * their label, paragraphs are wrapped to the width, {@code <pre>} blocks keep their lines, and the
 * block tags become "Parameters:", "Returns:" and "Throws:" lines. For example {@code "Sets the
 * {@code culture}.<p>Then labels change.\n@param code fr or en"} renders as
 *
 * <pre>
 * Sets the culture.
 *
 * Then labels change.
 * Parameters:
 *   code - fr or en
 * </pre>
 */
final class JavadocText {

  private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@(?=[a-zA-Z])");
  private static final Pattern PRE = Pattern.compile("(?is)<pre>(.*?)</pre>");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

  private JavadocText() {}

  /** The comment's text (as {@code Trees.getDocComment} gives it), wrapped to {@code width}. */
  static String render(String comment, int width) {
    Matcher tag = BLOCK_TAG.matcher(comment);
    int end = tag.find() ? tag.start() : comment.length();
    StringBuilder out = new StringBuilder(body(comment.substring(0, end), width));
    List<String> params = new ArrayList<>();
    List<String> more = new ArrayList<>();
    for (String block : BLOCK_TAG.split(comment.substring(end))) {
      String[] parts = block.strip().split("\\s+", 2);
      String text = parts.length > 1 ? inline(parts[1]).replaceAll("\\s+", " ").strip() : "";
      switch (parts[0]) {
        case "param" -> params.add(text.replaceFirst("\\s+", " - "));
        case "return" -> more.add("Returns: " + text);
        case "throws", "exception" -> more.add("Throws: " + text.replaceFirst("\\s+", " - "));
        case "see" -> more.add("See: " + text);
        default -> {}
      }
    }
    if (!params.isEmpty()) {
      out.append("\nParameters:");
      params.forEach(p -> out.append('\n').append(wrap(p, width, "  ", "    ")));
    }
    more.forEach(m -> out.append('\n').append(wrap(m, width, "", "  ")));
    return out.toString().strip();
  }

  /** The description: paragraphs wrapped, {@code <pre>} blocks verbatim. */
  private static String body(String text, int width) {
    List<String> blocks = new ArrayList<>();
    Matcher pre = PRE.matcher(text);
    int from = 0;
    while (pre.find()) {
      blocks.add(paragraphs(text.substring(from, pre.start()), width));
      blocks.add(
          entities(inline(pre.group(1)))
              .lines()
              .map(l -> l.startsWith(" ") ? l.substring(1) : l)
              .filter(l -> !l.isBlank())
              .map(l -> "   " + l)
              .collect(Collectors.joining("\n")));
      from = pre.end();
    }
    blocks.add(paragraphs(text.substring(from), width));
    blocks.removeIf(String::isEmpty);
    return String.join("\n\n", blocks);
  }

  private static String paragraphs(String text, int width) {
    String flat =
        inline(text)
            .replaceAll("(?i)<p>|</p>", "\n\n")
            .replaceAll("(?i)<li>", "\n\n- ")
            .replaceAll("(?i)<br\\s*/?>", "\n\n");
    flat = entities(TAG.matcher(flat).replaceAll(""));
    StringBuilder out = new StringBuilder();
    for (String paragraph : flat.split("\\n\\s*\\n")) {
      String words = paragraph.replaceAll("\\s+", " ").strip();
      if (!words.isEmpty()) {
        out.append(out.length() == 0 ? "" : "\n\n").append(wrap(words, width, "", ""));
      }
    }
    return out.toString();
  }

  /** Replaces inline tags ({@code {@code x}}, {@code {@link A#b label}}) with their text. */
  static String inline(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("{@", i);
      if (start < 0) {
        break;
      }
      out.append(text, i, start);
      int depth = 0;
      int end = start;
      for (; end < text.length(); end++) {
        char c = text.charAt(end);
        if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          break;
        }
      }
      String[] parts = text.substring(start + 2, Math.min(end, text.length())).split("\\s", 2);
      String content = parts.length > 1 ? parts[1] : "";
      out.append(
          switch (parts[0]) {
            case "link", "linkplain" -> link(content);
            case "inheritDoc" -> "";
            default -> content.strip();
          });
      i = end + 1;
    }
    return i < text.length() ? out.append(text.substring(i)).toString() : out.toString();
  }

  /** {@code A#b(int) label} gives the label; without one, {@code A.b(int)}. */
  private static String link(String content) {
    String reference = content.strip();
    int depth = 0;
    for (int k = 0; k < reference.length(); k++) {
      char c = reference.charAt(k);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth == 0 && Character.isWhitespace(c)) {
        return reference.substring(k).strip();
      }
    }
    return reference.startsWith("#") ? reference.substring(1) : reference.replace('#', '.');
  }

  private static String entities(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#64;", "@")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
  }

  /** Greedy word wrap: the first line starts with {@code first}, the next ones {@code indent}. */
  static String wrap(String text, int width, String first, String indent) {
    return dev.apimoshell.internal.text.Text.wrap(text, Math.max(40, width - 1), first, indent);
  }
}
