package dev.apimoshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile with a damaged line loses that line, says which, and the shell starts. */
class DamagedProfileTest {

  @TempDir Path dir;

  private ShellConfig resolve(String profile) {
    return ShellConfig.resolve(
        new ShellConfig.Options(null, null, null, profile, false), Map.of(), dir);
  }

  @Test
  void aBadUnicodeEscapeCostsItsLineAndNamesTheFile() throws Exception {
    Path file = dir.resolve("prod.properties");
    Files.writeString(
        file, "provider=7\nlabel=caf\\u00zz\ntoken=s3cret\nbase-url=https://api.apimo.pro\n");

    ShellConfig c = resolve("prod");

    assertThat(c.provider()).isEqualTo("7");
    assertThat(c.token()).isEqualTo("s3cret");
    assertThat(c.warnings())
        .contains("warning: profile " + file + ", line 2 ignored (Malformed \\uxxxx encoding.)");
  }

  @Test
  void bytesThatAreNotUtf8CostTheirLineAndContinuationsStayOneEntry() throws Exception {
    Path file = dir.resolve("default.properties");
    byte[] bad = {'x', '=', (byte) 0xff, '\n'};
    Files.write(
        file,
        concat(
            "provider=7\n".getBytes(StandardCharsets.UTF_8),
            bad,
            "token=s3\\\n  cret\nnote=\\u1\\\n  x\n".getBytes(StandardCharsets.UTF_8)));

    ShellConfig c = resolve(null);

    assertThat(c.token()).isEqualTo("s3cret");
    assertThat(c.warnings())
        .contains("warning: profile " + file + ", line 2 ignored (not UTF-8)")
        .contains("warning: profile " + file + ", lines 5-6 ignored (Malformed \\uxxxx encoding.)");
  }

  @Test
  void aSoundProfileGivesNoWarning() throws Exception {
    Files.writeString(dir.resolve("prod.properties"), "provider=7\ntoken=s3cret\n");

    assertThat(resolve("prod").warnings()).noneMatch(w -> w.contains("ignored"));
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
