package dev.apimoshell.shell.print;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What snippets print at the prompt ({@code System.out.println(user.lastname())}), on its way to
 * the terminal: control characters from data cannot retitle the window, write the clipboard (OSC
 * 52) or clear the screen. Colours (SGR, {@code ESC [ … m}) pass, so a snippet may still print in
 * colour; every other escape sequence and control character but line feed, carriage return, tab and
 * backspace is shown as text ({@code ^[}, {@code ^G}, {@code <U+009B>}).
 *
 * <pre>{@code new PrintStream(new TerminalSafeOutput(terminal.output()), true, UTF_8)}</pre>
 *
 * <p>Works on UTF-8 bytes as they come, so a sequence split over two writes is still caught.
 */
public final class TerminalSafeOutput extends FilterOutputStream {

  private static final int MAX_SGR = 32;

  /** Bytes of an {@code ESC [ …} sequence seen so far; empty when not in one. */
  private final StringBuilder pending = new StringBuilder();

  private final ByteArrayOutputStream safe = new ByteArrayOutputStream();
  private boolean afterC2;

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
    if (afterC2) {
      afterC2 = false;
      if (b >= 0x80 && b <= 0x9f) {
        text(String.format("<U+%04X>", b));
      } else {
        safe.write(0xc2);
        accept(b);
      }
      return;
    }
    if (!pending.isEmpty()) {
      sequence(b);
      return;
    }
    if (b == 0x1b) {
      pending.append((char) b);
    } else if (b == 0xc2) {
      afterC2 = true;
    } else if (b == '\n' || b == '\r' || b == '\t' || b == '\b' || (b >= 0x20 && b != 0x7f)) {
      safe.write(b);
    } else {
      text(b == 0x7f ? "^?" : "^" + (char) (b + 64));
    }
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
