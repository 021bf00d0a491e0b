package dev.apimoshell.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code /record FILE} starts a {@link Transcript}, {@code /record off} ends it, alone says which.
 */
final class RecordCommand {
  private RecordCommand() {}

  static void run(PrintWriter out, String arg, Commands.Host host, Consumer<String> fail) {
    String file = arg.strip();
    if (file.length() > 1 && file.startsWith("\"") && file.endsWith("\"")) {
      file = file.substring(1, file.length() - 1);
    }
    if (file.isEmpty()) {
      Path now = Transcript.recording();
      out.println(now == null ? "not recording (/record FILE starts)" : "recording into " + now);
    } else if (file.equals("off")) {
      Path was = Transcript.stop();
      out.println(was == null ? "not recording" : "recorded into " + was);
    } else {
      try {
        Transcript.start(Path.of(file), host.target(), host::redact);
        out.println(
            "recording into "
                + file
                + ": inputs, outputs and HTTP lines, never the token (/record off stops)");
      } catch (IOException | RuntimeException e) {
        fail.accept("cannot record into " + file + ": " + e.getMessage());
      }
    }
  }
}
