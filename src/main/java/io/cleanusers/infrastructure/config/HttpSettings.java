package io.cleanusers.infrastructure.config;

import java.net.URI;
import java.util.List;

/** The HTTP side ({@code [http]}): port and the origins trusted besides the service's own. */
public record HttpSettings(int port, List<String> allowedOrigins) {

  /** An unmodifiable copy: settings do not change once read. */
  public HttpSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  static HttpSettings read(ConfigValues values) {
    List<String> origins = values.list("http.ALLOWED_ORIGINS");
    origins.forEach(HttpSettings::requireOrigin);
    return new HttpSettings(values.integer("http.PORT", 1, 65535), origins);
  }

  private static void requireOrigin(String origin) {
    try {
      URI uri = new URI(origin);
      boolean plainOrigin =
          uri.getScheme() != null
              && uri.getHost() != null
              && (uri.getPath() == null || uri.getPath().isEmpty());
      if (plainOrigin) {
        return;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new InvalidConfigurationException(
        "http.ALLOWED_ORIGINS", "'" + origin + "' is not an origin like https://app.example.com");
  }
}
