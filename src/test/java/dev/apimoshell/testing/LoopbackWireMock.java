package dev.apimoshell.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.function.UnaryOperator;

/**
 * The tests' one WireMock set-up: a stand-in Apimo on 127.0.0.1 (tests talk only to loopback) at a
 * free port, speaking HTTP/1.1 only, as the client engine does (it never tries the h2c upgrade).
 * Register it once per test class; WireMock starts it before the first test, forgets stubs and
 * requests before each, and stops it after the last:
 *
 * <pre>{@code
 * @RegisterExtension static WireMockExtension wm = LoopbackWireMock.extension();
 * ...
 * wm.stubFor(get(urlPathEqualTo("/agencies/14/users")).willReturn(okJson(USERS)));
 * ApimoClient client = Fixtures.client(wm.baseUrl());
 * }</pre>
 */
public final class LoopbackWireMock {

  private LoopbackWireMock() {}

  /** The shared configuration, for a test that needs to adjust it. */
  public static WireMockConfiguration options() {
    return wireMockConfig().dynamicPort().bindAddress("127.0.0.1").http2PlainDisabled(true);
  }

  /** A server per test class, the usual case. */
  public static WireMockExtension extension() {
    return extension(UnaryOperator.identity());
  }

  /**
   * The same with an adjustment: {@code extension(o -> o.gzipDisabled(true))} serves bodies as
   * stubbed, never gzipped by WireMock.
   */
  public static WireMockExtension extension(UnaryOperator<WireMockConfiguration> adjust) {
    return WireMockExtension.newInstance().options(adjust.apply(options())).build();
  }

  /** A started server for one test or fixture; the caller stops it. */
  public static WireMockServer start() {
    WireMockServer server = new WireMockServer(options());
    server.start();
    return server;
  }
}
