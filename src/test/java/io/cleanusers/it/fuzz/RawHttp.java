package io.cleanusers.it.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/1.1 client on a bare socket, one connection per request. Unlike {@link
 * java.net.http.HttpClient} it sends whatever bytes it is given: odd methods, NUL and invalid
 * UTF-8, duplicate and oversized headers.
 */
public final class RawHttp {

  private static final int TIMEOUT_MS = 10_000;
  private static final int MAX_BODY = 32 * 1024 * 1024;

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** Sends the request and reads the final (non-1xx) answer. */
  public RawResponse send(FuzzRequest request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      write(socket.getOutputStream(), request.bytes());
      InputStream in = new BufferedInputStream(socket.getInputStream());
      RawResponse response = read(in, request.method());
      while (response.status() < 200) {
        response = read(in, request.method());
      }
      return response;
    }
  }

  /**
   * A server may answer (e.g. 413) and close before the whole body is written; the answer is then
   * still there to read, so a failed write is not an error by itself.
   */
  private static void write(OutputStream out, byte[] bytes) throws IOException {
    try {
      out.write(bytes);
      out.flush();
    } catch (SocketException e) {
      // read what the server answered
    }
  }

  private static RawResponse read(InputStream in, String method) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("connection closed without an answer");
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP status line: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    List<String> headers = new ArrayList<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      headers.add(line);
    }
    RawResponse head = new RawResponse(status, headers, new byte[0]);
    if (status < 200 || status == 204 || status == 304 || method.equals("HEAD")) {
      return head;
    }
    return new RawResponse(status, headers, body(in, head));
  }

  private static byte[] body(InputStream in, RawResponse head) throws IOException {
    if (head.header("Transfer-Encoding")
        .map(t -> t.toLowerCase(Locale.ROOT).contains("chunked"))
        .orElse(false)) {
      return chunked(in);
    }
    return head.header("Content-Length")
        .map(length -> exactly(in, Integer.parseInt(length)))
        .orElseGet(() -> upTo(in, MAX_BODY));
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      if (size == null) {
        throw new IOException("chunked body cut short");
      }
      int length = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
      if (length == 0) {
        for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
          // trailers are not checked
        }
        return body.toByteArray();
      }
      body.write(exactly(in, length));
      line(in);
    }
  }

  private static byte[] exactly(InputStream in, int length) {
    try {
      byte[] bytes = in.readNBytes(length);
      if (bytes.length < length) {
        throw new IllegalStateException("body cut short: " + bytes.length + " of " + length);
      }
      return bytes;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] upTo(InputStream in, int limit) {
    try {
      return in.readNBytes(limit);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One line without its CRLF (or LF), ISO-8859-1; null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
