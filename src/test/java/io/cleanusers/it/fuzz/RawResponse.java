package io.cleanusers.it.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP answer as read off the socket: status, header lines and body bytes.
 *
 * @param headers the header lines as sent ({@code Name: value}), ISO-8859-1 decoded
 */
public record RawResponse(int status, List<String> headers, byte[] body) {

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    return headers.stream()
        .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
        .map(h -> h.substring(prefix.length()).strip())
        .findFirst();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return status + " " + String.join(" | ", headers) + " || " + Printable.of(body);
  }
}
