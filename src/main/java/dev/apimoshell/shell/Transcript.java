package dev.apimoshell.shell;

import dev.apimoshell.http.Exchange;
import dev.apimoshell.http.ExchangeListener;
import dev.apimoshell.internal.http.KnownTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * {@code /record ticket-4512.md} (and {@code --record FILE} for scripts): the session written, as
 * it goes, into a Markdown file to attach to a ticket: the target and the time, then each input
 * with its time, the HTTP exchanges it made (method, URL, status, time, size; writes marked as
 * writes) and its output as printed (tables as text, errors included).
 *
 * <pre>
 * ### 10:42:07 `Apimo.agency(14).users().named("gaelle")`
 * - `GET http://127.0.0.1:8080/agencies/14/users?limit=1000&amp;offset=0 200 12 ms 9 kB`
 *
 * ```text
 * id  active  firstname  lastname ...
 * ```
 * </pre>
 *
 * <p>A token never reaches the file: every line passes the session's redaction and a line still
 * holding a known token is left out; string literals given to a variable named like a password or
 * token are shown as {@code ***}. One transcript records at a time.
 */
final class Transcript implements ExchangeListener, AutoCloseable {
  private static final AtomicReference<Transcript> ACTIVE = new AtomicReference<>();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final Pattern SECRET_LITERAL =
      Pattern.compile("(?i)(\\b\\w*(?:token|secret|passw)\\w*\\s*=\\s*\")[^\"]*(\")");

  private final Path file;
  private final Writer writer;
  private final UnaryOperator<String> redact;
  private dev.apimoshell.ApimoClient client;
  private final java.util.Set<String> hidden = new java.util.HashSet<>();
  private boolean inOutput;
  private boolean newline = true;

  private Transcript(Path file, UnaryOperator<String> redact) throws IOException {
    this.file = file;
    this.redact = redact;
    this.writer =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * Starts recording into {@code file} (appended to when it exists), stopping any transcript
   * before.
   *
   * @param target what the session talks to, as the banner says it
   * @param redact the session's redaction of its token
   */
  static Transcript start(Path file, String target, UnaryOperator<String> redact)
      throws IOException {
    Transcript t = new Transcript(file, redact);
    t.write(
        "# apimo-shell session\n\n- started: "
            + ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS)
            + "\n- target: "
            + t.clean(target)
            + "\n");
    stop();
    t.client = dev.apimoshell.Apimo.client();
    t.client.http().addListener(t);
    ACTIVE.set(t);
    return t;
  }

  /** Stops the transcript recording now, if any; returns its file or null. */
  static Path stop() {
    Transcript t = ACTIVE.getAndSet(null);
    if (t == null) {
      return null;
    }
    t.client.http().removeListener(t);
    t.close();
    return t.file;
  }

  /** The file recorded into now, or null. */
  static Path recording() {
    Transcript t = ACTIVE.get();
    return t == null ? null : t.file;
  }

  /** An input typed or read (a snippet, a command): starts a new entry. */
  static void input(String source) {
    Transcript t = ACTIVE.get();
    if (t != null && !source.isBlank()) {
      t.entry(source.strip());
    }
  }

  /** {@code out}, with what passes through it also written to the transcript when one records. */
  static PrintWriter tee(PrintWriter out) {
    if (out instanceof TeePrintWriter) {
      return out;
    }
    return new TeePrintWriter(new TeeWriter(out));
  }

  /** As {@link #tee(PrintWriter)} for a byte stream (a snippet's {@code System.out}). */
  static PrintStream tee(PrintStream out) {
    return new PrintStream(
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            out.write(b, off, len);
            Transcript t = ACTIVE.get();
            if (t != null) {
              t.output(new String(b, off, len, StandardCharsets.UTF_8));
            }
          }

          @Override
          public void flush() {
            out.flush();
          }
        },
        true,
        StandardCharsets.UTF_8);
  }

  private synchronized void entry(String source) {
    closeOutput();
    var secrets = SECRET_LITERAL.matcher(source);
    while (secrets.find()) {
      String literal = secrets.group().substring(secrets.group(1).length());
      literal = literal.substring(0, literal.length() - 1);
      if (!literal.isEmpty()) {
        hidden.add(literal); // its value, echoed later (password ==> ...), is hidden too
      }
    }
    String shown = clean(SECRET_LITERAL.matcher(source).replaceAll("$1***$2"));
    if (SecretSafeHistory.typesATokenLiteral(source)) {
      shown = "(an input holding a token, left out)";
    }
    String write = WriteCalls.in(source);
    String time = ZonedDateTime.now().format(TIME);
    String heading =
        shown.contains("\n") || shown.contains("`")
            ? "\n### " + time + "\n\n```java\n" + shown + "\n```\n"
            : "\n### " + time + " `" + shown + "`\n";
    write(heading + (write == null ? "" : "\n**write** (" + write + ")\n"));
  }

  @Override
  public synchronized void onExchange(Exchange exchange) {
    closeOutput();
    boolean write = !"GET".equals(exchange.method()) && !"HEAD".equals(exchange.method());
    write("- " + (write ? "**write** " : "") + "`" + clean(exchange.toString()) + "`\n");
  }

  private synchronized void output(String text) {
    if (text.isEmpty()) {
      return;
    }
    StringBuilder md = new StringBuilder();
    if (!inOutput) {
      md.append("\n```text\n");
      inOutput = true;
      newline = true;
    }
    for (String line : text.split("(?<=\n)")) {
      if (newline && line.startsWith("http: ")) {
        continue; // /http on prints what the exchange lines already hold
      }
      String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
      md.append(clean(body.replace("```", "'''")));
      if (line.endsWith("\n")) {
        md.append('\n');
        newline = true;
      } else {
        newline = false;
      }
    }
    write(md.toString());
  }

  private void closeOutput() {
    if (inOutput) {
      write((newline ? "" : "\n") + "```\n");
      inOutput = false;
      newline = true;
    }
  }

  /** {@code text} without the token; a line still holding a known token is left out. */
  private String clean(String text) {
    String redacted = redact.apply(text == null ? "" : text);
    for (String secret : hidden) {
      redacted = redacted.replace(secret, "***");
    }
    return KnownTokens.appearIn(redacted) ? "(a line holding a token, left out)" : redacted;
  }

  private void write(String text) {
    try {
      writer.write(text);
      writer.flush();
    } catch (IOException e) {
      ACTIVE.compareAndSet(this, null); // a full disk stops the transcript, not the session
    }
  }

  @Override
  public synchronized void close() {
    closeOutput();
    try {
      writer.close();
    } catch (IOException ignored) {
      // what was written is flushed already
    }
  }

  private static final class TeePrintWriter extends PrintWriter {
    TeePrintWriter(Writer out) {
      super(out, true);
    }
  }

  /** Copies what is written to the transcript recording now, if any. */
  private static final class TeeWriter extends Writer {
    private final PrintWriter out;

    TeeWriter(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      out.write(buf, off, len);
      Transcript t = ACTIVE.get();
      if (t != null) {
        t.output(new String(buf, off, len));
      }
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public void close() {
      out.close();
    }
  }
}
