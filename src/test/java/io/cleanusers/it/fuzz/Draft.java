package io.cleanusers.it.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request being made hostile: starts as the route's ordinary request and lets each mutation
 * change one part; {@link #build} writes the exact bytes. Header values are ISO-8859-1 text, one
 * char per byte, so they can carry any byte.
 */
final class Draft {

  /** Payara's HTTP listener refuses a request line and headers longer than this (8 KiB). */
  private static final int LISTENER_HEADER_LIMIT = 8192;

  String method;
  String path;
  String query;
  String host;
  String contentType;
  String token;
  byte[] body;
  boolean chunked;

  /** Set by a mutation that breaks HTTP/1.1 or URI syntax (see {@link FuzzRequest}). */
  boolean malformed;

  /** Cookie header lines to send instead of the {@code access_token} one. */
  List<String> cookies;

  /** When set, sent as is instead of a computed Content-Length. */
  List<String> contentLengths;

  final List<String> headers = new ArrayList<>();

  Draft(Route route, String host) {
    this.method = route.method();
    this.path = route.path();
    this.host = host;
  }

  void json(String text) {
    body = text.getBytes(StandardCharsets.UTF_8);
    contentType = "application/json";
  }

  /** Non-ASCII text as its UTF-8 bytes in a header value or request line. */
  static String latin1(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  FuzzRequest build(String category, Route route) {
    List<String> head = new ArrayList<>();
    head.add(method + " " + path + (query == null ? "" : "?" + query) + " HTTP/1.1");
    if (host != null) {
      head.add("Host: " + host);
    }
    if (contentType != null) {
      head.add("Content-Type: " + contentType);
    }
    if (cookies != null) {
      cookies.forEach(c -> head.add("Cookie: " + c));
    } else if (token != null) {
      head.add("Cookie: access_token=" + token);
    }
    head.addAll(headers);
    byte[] payload = body == null ? new byte[0] : body;
    if (chunked) {
      head.add("Transfer-Encoding: chunked");
      payload = chunks(payload);
    } else if (contentLengths != null) {
      contentLengths.forEach(length -> head.add("Content-Length: " + length));
    } else if (body != null) {
      head.add("Content-Length: " + payload.length);
    }
    head.add("Connection: close");
    boolean wellFormed =
        !malformed
            && host != null
            && !host.isEmpty()
            && validTarget()
            && validQuery()
            && head.stream().filter(line -> line.regionMatches(true, 0, "Host:", 0, 5)).count() == 1
            && String.join("\r\n", head).length() <= LISTENER_HEADER_LIMIT
            && head.stream().allMatch(Draft::validHeaderLine);
    return new FuzzRequest(category, route.name(), method, head, payload, wellFormed);
  }

  /** The asterisk form is for OPTIONS only (RFC 9112 3.2.4). */
  private boolean validTarget() {
    return !path.equals("*") || method.equals("OPTIONS");
  }

  /**
   * A query with a stray or invalid percent-encoding (RFC 3986 2.1), or with a fragment, which a
   * request target never carries (RFC 9112 3.2).
   */
  private boolean validQuery() {
    if (query == null) {
      return true;
    }
    for (int at = query.indexOf('%'); at >= 0; at = query.indexOf('%', at + 1)) {
      if (at + 2 >= query.length()
          || !isHex(query.charAt(at + 1))
          || !isHex(query.charAt(at + 2))) {
        return false;
      }
    }
    return !query.contains("#");
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  /**
   * Only visible US-ASCII, space and tab in a header line: no control characters, and no obs-text,
   * which RFC 9110 5.5 keeps only for old senders (the listener refuses some).
   */
  private static boolean validHeaderLine(String line) {
    return line.chars().allMatch(c -> (c >= 0x20 && c < 0x7f) || c == '\t');
  }

  private static byte[] chunks(byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < payload.length; at += 8192) {
      int length = Math.min(8192, payload.length - at);
      out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(payload, at, length);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
