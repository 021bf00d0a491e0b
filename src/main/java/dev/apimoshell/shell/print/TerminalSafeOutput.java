package dev.apimoshell.shell.print;

import dev.apimoshell.internal.text.ControlChars;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What snippets print at the prompt ({@code System.out.println(user.lastname())}), on its way to
 * the terminal, under the same rule as the shell's own output ({@link ControlChars}): text from
 * data cannot retitle the window, write the clipboard (OSC 52), clear the screen, rewrite a line
 * with a carriage return ({@code "Mallory\rGOODNAME"} shows {@code Mallory^MGOODNAME}) or reverse
 * it with a bidi override. Colours (SGR, {@code ESC [ … m}) pass, so a snippet may still print in
 * colour; line feeds, tabs and a carriage return just before a line feed pass too.
 *
 * <pre>{@code new PrintStream(new TerminalSafeOutput(terminal.output()), true, UTF_8)}</pre>
 *
 * <p>Works on UTF-8 bytes as they come, so a sequence or a character split over two writes is still
 * caught; a byte that is not UTF-8 shows as U+FFFD.
 */
public final class TerminalSafeOutput extends FilterOutputStream {

  private static final int MAX_SGR = 32;
  private static final byte[] REPLACEMENT = "\uFFFD".getBytes(StandardCharsets.UTF_8);

  /** Bytes of an {@code ESC [ …} sequence seen so far; empty when not in one. */
  private final StringBuilder pending = new StringBuilder();

  /** The bytes of a UTF-8 character read so far, and how many it has. */
  private final byte[] character = new byte[4];

  private int have;
  private int need;

  /** A carriage return waiting for the next byte: passed before a line feed, shown otherwise. */
  private boolean carriageReturn;

  private final ByteArrayOutputStream safe = new ByteArrayOutputStream();

  public TerminalSafeOutput(OutputStream out) {
    super(out);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    accept(b);
    drain();
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      accept(b[i]);
    }
    drain();
  }

  private void drain() throws IOException {
    if (safe.size() > 0) {
      safe.writeTo(out);
      safe.reset();
    }
  }

  private void accept(int b) {
    b &= 0xff;
    if (need > 0) {
      continuation(b);
      return;
    }
    if (!pending.isEmpty()) {
      sequence(b);
      return;
    }
    if (carriageReturn) {
      carriageReturn = false;
      if (b == '\n') {
        safe.write('\r');
      } else {
        text(ControlChars.shown('\r'));
      }
    }
    if (b == 0x1b) {
      pending.append((char) b);
    } else if (b == '\r') {
      carriageReturn = true;
    } else if (b < 0x80) {
      if (b == '\n' || b == '\t' || !ControlChars.isControl(b)) {
        safe.write(b);
      } else {
        text(ControlChars.shown(b));
      }
    } else if (b >= 0xc2 && b <= 0xf4) {
      character[0] = (byte) b;
      have = 1;
      need = b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
    } else {
      safe.writeBytes(REPLACEMENT);
    }
  }

  /** One more byte of a multi-byte character: the character passes unless it is a control. */
  private void continuation(int b) {
    if ((b & 0xc0) != 0x80) {
      need = 0;
      safe.writeBytes(REPLACEMENT);
      accept(b);
      return;
    }
    character[have++] = (byte) b;
    if (--need > 0) {
      return;
    }
    String decoded = new String(character, 0, have, StandardCharsets.UTF_8);
    int cp = decoded.codePointAt(0);
    if (ControlChars.isControl(cp)) {
      text(ControlChars.shown(cp));
    } else {
      safe.writeBytes(decoded.getBytes(StandardCharsets.UTF_8)); // an overlong form: U+FFFD
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (carriageReturn) {
      carriageReturn = false;
      text(ControlChars.shown('\r'));
      drain();
    }
    super.close();
  }

  /** The next byte of an escape sequence: a complete colour passes, anything else shows. */
  private void sequence(int b) {
    boolean introducer = pending.length() == 1 && b == '[';
    boolean parameter = pending.length() > 1 && ((b >= '0' && b <= '9') || b == ';');
    if ((introducer || parameter) && pending.length() < MAX_SGR) {
      pending.append((char) b);
      return;
    }
    if (pending.length() > 1 && b == 'm') {
      safe.writeBytes(pending.append('m').toString().getBytes(StandardCharsets.US_ASCII));
      pending.setLength(0);
      return;
    }
    String held = "^[" + pending.substring(1);
    pending.setLength(0);
    text(held);
    accept(b);
  }

  private void text(String s) {
    safe.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
  }
}
