package dev.apimoshell.internal.io;

import dev.apimoshell.internal.text.ControlChars;
import dev.apimoshell.internal.text.StrictUtf8;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Reads a profile ({@code key=value} lines) so that one damaged line costs that line, not the
 * shell: {@link Properties#load} gives up on the whole file with {@code IllegalArgumentException:
 * Malformed \\uxxxx encoding.} and no file name, and a byte that is not UTF-8 fails the reader.
 * Here such a line is skipped with one warning naming the file and the line:
 *
 * <pre>
 * warning: profile /home/u/.config/apimo-shell/prod.properties, line 3 ignored (Malformed \\uxxxx
 *   encoding.)
 * </pre>
 */
public final class ProfileFile {

  private ProfileFile() {}

  /**
   * The properties of {@code file}; a warning for each line that could not be read goes to {@code
   * warnings}.
   *
   * @throws IOException when the file cannot be read at all
   */
  public static Properties read(Path file, List<String> warnings) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Properties all = new Properties();
    try {
      all.load(new StringReader(StrictUtf8.decode(bytes, 0, bytes.length)));
      return all;
    } catch (CharacterCodingException | IllegalArgumentException damaged) {
      all.clear();
    }
    int line = 0;
    int start = 0;
    int first = 1;
    StringBuilder logical = new StringBuilder();
    boolean bad = false;
    String why = null;
    for (int i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] != '\n') {
        continue;
      }
      line++;
      String text;
      try {
        text = StrictUtf8.decode(bytes, start, i);
      } catch (CharacterCodingException e) {
        text = "";
        bad = true;
        why = "not UTF-8";
      }
      start = i + 1;
      logical.append(text).append('\n');
      if (continues(text) && i < bytes.length) {
        continue;
      }
      if (!bad) {
        try {
          Properties one = new Properties();
          one.load(new StringReader(logical.toString()));
          all.putAll(one);
        } catch (IllegalArgumentException | IOException e) {
          bad = true;
          why = e.getMessage();
        }
      }
      if (bad) {
        warnings.add(
            "warning: profile "
                + ControlChars.inline(file.toString())
                + (first == line ? ", line " + line : ", lines " + first + "-" + line)
                + " ignored ("
                + ControlChars.inline(String.valueOf(why))
                + ")");
      }
      logical.setLength(0);
      bad = false;
      first = line + 1;
    }
    return all;
  }

  /** Whether a line ends with an odd number of backslashes: the next line continues it. */
  private static boolean continues(String line) {
    String body = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    int slashes = 0;
    for (int i = body.length() - 1; i >= 0 && body.charAt(i) == '\\'; i--) {
      slashes++;
    }
    return slashes % 2 == 1;
  }
}
