package dev.apimoshell;

import dev.apimoshell.api.Agency;
import dev.apimoshell.api.PageFetcher;
import dev.apimoshell.api.PageListener;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.http.ApimoHttp;

/**
 * One Apimo account: its HTTP session and the handles that start queries. Two
 * clients can live side by side (two providers, the real API and the sandbox).
 *
 * <pre>{@code
 * var prod = Apimo.connect("https://api.apimo.pro", "1234", System.getenv("APIMO_TOKEN"));
 * prod.agency(14).users().count();
 * }</pre>
 */
public final class ApimoClient {
  private final ApimoHttp http;
  private final PageFetcher fetcher;

  private ApimoClient(ApimoConfig config) {
    this.http = new ApimoHttp(config);
    this.fetcher = new PageFetcher(http);
  }

  public static ApimoClient connect(ApimoConfig config) {
    return new ApimoClient(config);
  }

  public static ApimoClient connect(String baseUrl, String provider, String token) {
    return connect(ApimoConfig.of(baseUrl, provider, token));
  }

  /** A handle on one agency; sends nothing until one of its queries runs. */
  public Agency agency(long id) {
    return new Agency(fetcher, id);
  }

  /** Makes this the client behind {@code Apimo.agency(...)} and returns it. */
  public ApimoClient makeDefault() {
    Apimo.useDefault(this);
    return this;
  }

  public String baseUrl() {
    return http.config().baseUrl().toString();
  }

  /** The provider id; the token is not exposed. */
  public String provider() {
    return http.config().provider();
  }

  /** The HTTP session, for tracing ({@code addListener}) and {@code lastExchange()}. */
  public ApimoHttp http() {
    return http;
  }

  /** Progress of every stream of this client, page by page. */
  public void addPageListener(PageListener listener) {
    fetcher.addListener(listener);
  }

  public void removePageListener(PageListener listener) {
    fetcher.removeListener(listener);
  }

  @Override
  public String toString() {
    return "Apimo at " + baseUrl() + " as provider " + (provider() == null ? "(none)" : provider());
  }
}
