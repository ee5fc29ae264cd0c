package io.cleanusers.it.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One hostile request exactly as it goes over the wire: the request line and header lines as raw
 * bytes (held as ISO-8859-1 text, one char per byte), and the body bytes.
 *
 * @param category what kind of hostility it carries (for the counts)
 * @param route the route it aims at (for the counts)
 * @param head the request line and the header lines, without the blank line that ends them
 * @param wellFormed false when the request is not valid HTTP/1.1 or its target not a valid URI (raw
 *     space, invalid percent-encoding, bad Content-Length, oversized headers, ...): the HTTP
 *     listener may then refuse it before the WAR sees it
 */
public record FuzzRequest(
    String category,
    String route,
    String method,
    List<String> head,
    byte[] body,
    boolean wellFormed) {

  /** The bytes sent: head, blank line, body. */
  public byte[] bytes() {
    byte[] start = (String.join("\r\n", head) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[start.length + body.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return all;
  }

  /** Every byte of the request, readable: see {@link Printable}. */
  @Override
  public String toString() {
    return category + " -> " + route + ": " + Printable.of(bytes());
  }
}
