package dev.apimoshell.shell;

import dev.apimoshell.internal.http.KnownTokens;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The persistent history, except lines that hold a token: the configured one, any client's made in
 * this process ({@link KnownTokens}), or a string literal typed as the token of {@code
 * Apimo.connect(url, provider, "token")} (the history is written before that line runs, so before
 * its client exists), or a literal given to a variable named like a secret ({@code String token =
 * "..."}, which a later {@code connect} would use).
 */
final class SecretSafeHistory extends DefaultHistory {

  /** A call whose third argument is a token. */
  private static final Pattern CONNECT =
      Pattern.compile("\\b(?:connect|ApimoConfig\\s*\\.\\s*(?:of|insecure))\\s*\\(");

  /** A string literal given to a variable named like a secret: {@code String token = "..."}. */
  private static final Pattern SECRET_VARIABLE =
      Pattern.compile("(?i)\\b\\w*(?:token|secret|passw)\\w*\\s*=\\s*\"");

  private final String secret;
  private final HistoryFile file;
  private Path path;
  private boolean usable = true;

  SecretSafeHistory(String secret) {
    this(secret, System.err::println);
  }

  /**
   * @param notices where a damaged or unwritable history file is reported, one line, once
   */
  SecretSafeHistory(String secret, Consumer<String> notices) {
    this.secret = secret == null || secret.isBlank() ? null : secret;
    this.file = new HistoryFile(notices);
  }

  /** Checks the file (see {@link HistoryFile}) before JLine loads it. */
  @Override
  public void attach(LineReader reader) {
    Object configured = reader.getVariable(LineReader.HISTORY_FILE);
    Path next = configured == null ? null : Path.of(configured.toString());
    if (next != null && !next.equals(path)) {
      path = next;
      usable = file.prepare(path, reader.isSet(LineReader.Option.HISTORY_TIMESTAMPED));
    }
    super.attach(reader);
  }

  @Override
  public void load() throws IOException {
    if (!usable) {
      return;
    }
    try {
      super.load();
    } catch (IOException | RuntimeException e) { // prepare() leaves little to fail here
      usable = false;
      file.saveFailed(path, e);
    }
  }

  @Override
  public void save() throws IOException {
    if (!usable || !file.saving()) {
      return;
    }
    try {
      super.save();
    } catch (IOException | RuntimeException e) {
      file.saveFailed(path, e);
    }
  }

  @Override
  public void add(Instant time, String line) {
    if (holdsSecret(line)) {
      return;
    }
    super.add(time, line);
  }

  private boolean holdsSecret(String line) {
    return (secret != null && line.contains(secret))
        || KnownTokens.appearIn(line)
        || typesATokenLiteral(line)
        || SECRET_VARIABLE.matcher(line).find();
  }

  /** Whether a connect call in {@code source} has a string literal as its third argument. */
  static boolean typesATokenLiteral(String source) {
    Matcher call = CONNECT.matcher(source);
    while (call.find()) {
      String third = argument(source, call.end(), 2);
      if (third != null && third.strip().startsWith("\"")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The {@code index}th top-level argument of the call whose arguments start at {@code from}; null
   * when there are fewer. Skips nested parentheses and string or char literals.
   */
  private static String argument(String source, int from, int index) {
    int depth = 0;
    int start = from;
    int current = 0;
    for (int i = from; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(source, i, c);
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == ',' || c == ')')) {
        if (current == index) {
          return source.substring(start, i);
        }
        if (c == ')') {
          return null;
        }
        current++;
        start = i + 1;
      }
    }
    return current == index ? source.substring(start) : null;
  }

  private static int endOfLiteral(String source, int open, char quote) {
    for (int i = open + 1; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return source.length();
  }
}
