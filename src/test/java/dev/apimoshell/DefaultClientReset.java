package dev.apimoshell;

import dev.apimoshell.http.ApimoConfig;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that make a client the default: afterwards the default is a client without
 * credentials, so no later test reaches a server that has been stopped (labels, say).
 */
public final class DefaultClientReset implements AfterAllCallback {
  @Override
  public void afterAll(ExtensionContext context) {
    Apimo.useDefault(ApimoClient.connect(ApimoConfig.fromEnvironment(Map.of())));
  }
}
