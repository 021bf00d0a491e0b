package dev.apimoshell.shell;

import dev.apimoshell.internal.text.ControlChars;
import dev.apimoshell.internal.text.StrictUtf8;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The history file, looked at before JLine reads it and watched while JLine writes it, so that a
 * damaged or unwritable file never stops the shell nor loses lines. JLine alone ends the first
 * {@code readLine} with an exception on bytes that are not UTF-8, silently rewrites the file
 * without any line it does not understand (a 1 MB file became 56 bytes), and logs a stack trace for
 * every line it cannot save. Here each case is one line, said once:
 *
 * <pre>
 * warning: history file /home/u/.config/apimo-shell/history had 1 damaged line (line 3 is not
 *   UTF-8); moved aside as history.bad, its 41 good entries kept
 * warning: history not saved to /home/u/.config/apimo-shell/history (No space left on device);
 *   this session's lines stay in memory only
 * </pre>
 */
final class HistoryFile {

  /** JLine logs history failures (with their stack trace) here; this class reports them. */
  private static final Logger JLINE = Logger.getLogger("org.jline");

  static {
    JLINE.setFilter(
        log ->
            log.getMessage() == null
                || !log.getMessage().toLowerCase(Locale.ROOT).contains("history"));
  }

  /** Larger than any history JLine keeps (2,000 lines): not read into memory. */
  private static final long MAX_BYTES = 64L << 20;

  private final Consumer<String> notices;
  private boolean saving = true;

  /**
   * @param notices where the one-line notices go (the terminal)
   */
  HistoryFile(Consumer<String> notices) {
    this.notices = notices;
  }

  /** Whether lines are still saved: false once the file proved unusable this session. */
  boolean saving() {
    return saving;
  }

  /**
   * Makes {@code file} safe for JLine to load: a damaged file is moved aside as {@code .bad} and
   * replaced by its good entries; a file that cannot be read (or is no regular file) is left alone
   * and not saved to this session, so that nothing overwrites what could not be read.
   *
   * @param timestamped whether JLine writes {@code millis:line} entries (its default)
   * @return whether JLine may load and save {@code file}
   */
  boolean prepare(Path file, boolean timestamped) {
    if (file == null || !Files.exists(file)) {
      return true;
    }
    try {
      if (!Files.isRegularFile(file)) {
        return ignore(file, "it is not a regular file");
      }
      if (Files.size(file) > MAX_BYTES) {
        return ignore(file, "it is larger than " + (MAX_BYTES >> 20) + " MB");
      }
      return repair(file, Files.readAllBytes(file), timestamped);
    } catch (IOException | RuntimeException e) {
      return ignore(file, "cannot read it: " + reason(e));
    }
  }

  /** Reports a failed save, once; no further save is tried this session. */
  void saveFailed(Path file, Exception e) {
    if (saving) {
      saving = false;
      notices.accept(
          "warning: history not saved to "
              + shown(file)
              + " ("
              + reason(e)
              + "); this session's lines stay in memory only");
    }
  }

  private boolean repair(Path file, byte[] bytes, boolean timestamped) throws IOException {
    List<String> good = new ArrayList<>();
    int damaged = 0;
    String first = null;
    int lineNumber = 0;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] != '\n') {
        continue;
      }
      if (i == bytes.length && start == i) {
        break; // after the last line feed
      }
      lineNumber++;
      String why = null;
      try {
        for (String line : StrictUtf8.decode(bytes, start, i).lines().toList()) {
          if (timestamped && !isEntry(line)) {
            why = "is not a history entry";
          } else {
            good.add(line);
          }
        }
      } catch (CharacterCodingException e) {
        why = "is not UTF-8";
      }
      if (why != null) {
        damaged++;
        first = first == null ? "line " + lineNumber + " " + why : first;
      }
      start = i + 1;
    }
    if (damaged == 0) {
      return true;
    }
    Path aside = asideName(file);
    Files.move(file, aside);
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".history", ".part");
    Files.write(temp, good, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    notices.accept(
        "warning: history file "
            + shown(file)
            + " had "
            + damaged
            + (damaged == 1 ? " damaged line (" : " damaged lines (")
            + first
            + "); moved aside as "
            + shown(aside.getFileName())
            + ", its "
            + good.size()
            + " good entries kept");
    return true;
  }

  private boolean ignore(Path file, String why) {
    saving = false;
    notices.accept(
        "warning: history file "
            + shown(file)
            + " ignored ("
            + why
            + "); this session's lines are not saved");
    return false;
  }

  /** {@code history.bad}, or {@code history.bad.2} when an older one is there: none is replaced. */
  private static Path asideName(Path file) {
    Path aside = file.resolveSibling(file.getFileName() + ".bad");
    for (int n = 2; Files.exists(aside); n++) {
      aside = file.resolveSibling(file.getFileName() + ".bad." + n);
    }
    return aside;
  }

  /** What JLine accepts in a timestamped file: {@code 1733552400000:the line}. */
  private static boolean isEntry(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    try {
      Long.parseLong(line.substring(0, colon));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String reason(Exception e) {
    if (e instanceof FileSystemException f) { // its message is only the file's name
      String reason = f.getReason() == null ? e.getClass().getSimpleName() : f.getReason();
      return ControlChars.inline(reason);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return ControlChars.inline(message.lines().findFirst().orElse(message));
  }

  private static String shown(Path file) {
    return ControlChars.inline(file.toString());
  }
}
