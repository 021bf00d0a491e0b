package dev.apimoshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.internal.io.UserDirs;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirsTest {

  @Test
  void homeFromTheEnvironmentBeatsTheAccountsHome() {
    UserDirs dirs = UserDirs.of(Map.of("HOME", "/tmp/cron-home"), "/home/account");
    assertThat(dirs.config()).isEqualTo(Path.of("/tmp/cron-home/.config/apimo-shell"));
    assertThat(dirs.cache()).isEqualTo(Path.of("/tmp/cron-home/.cache/apimo-shell"));
  }

  @Test
  void xdgFoldersBeatHome() {
    UserDirs dirs =
        UserDirs.of(
            Map.of("HOME", "/h", "XDG_CONFIG_HOME", "/x/cfg", "XDG_CACHE_HOME", "/x/cache"),
            "/home/account");
    assertThat(dirs.config()).isEqualTo(Path.of("/x/cfg/apimo-shell"));
    assertThat(dirs.cache()).isEqualTo(Path.of("/x/cache/apimo-shell"));
  }

  @Test
  void withoutHomeTheAccountsHomeIsUsedAndRelativeXdgIsIgnored() {
    UserDirs dirs = UserDirs.of(Map.of("XDG_CONFIG_HOME", "relative", "HOME", ""), "/home/a");
    assertThat(dirs.config()).isEqualTo(Path.of("/home/a/.config/apimo-shell"));
    assertThat(dirs.cache()).isEqualTo(Path.of("/home/a/.cache/apimo-shell"));
  }
}
