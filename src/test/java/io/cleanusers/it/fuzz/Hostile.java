package io.cleanusers.it.fuzz;

import java.util.List;

/** The hostile values the fuzzer draws from: strings, JSON values, bytes, queries, headers. */
final class Hostile {

  private Hostile() {}

  /** Strings for JSON string fields: empty, control characters, emoji, injections, lengths. */
  static final List<String> STRINGS =
      List.of(
          "",
          " ",
          "a",
          "null",
          "\u0000",
          "ab\u0000cd",
          "name\u0000x",
          "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00",
          "\uD83D\uDD11".repeat(30),
          "\u202Eevil.name",
          "e\u0301".repeat(10),
          "\u200B\u200Bzero",
          "'; DROP TABLE users; --",
          "admin' OR '1'='1",
          "../../etc/passwd",
          "%s%n%x%d",
          "${jndi:ldap://127.0.0.1/a}",
          "<script>alert(1)</script>",
          "\\",
          "\"",
          "\t\n\r",
          "\uFF46\uFF55\uFF4C\uFF4C\uFF57",
          "\u0130stanbul",
          "\u00DF".repeat(20),
          "a".repeat(1025),
          "\uD83D\uDCA9".repeat(1025),
          "\uFEFFbom-name",
          "x".repeat(21),
          "abcd",
          "-abcde",
          "abcde-",
          "ab..cd",
          "\u0663\u0664\u0665\u0666\u0667",
          "user name",
          "\u00e9l\u00e8ve1",
          "\r\nX-Injected: 1");

  /** Raw JSON values of the wrong type, or beyond what 64 bits or a double can hold. */
  static final List<String> WRONG_TYPES =
      List.of(
          "0",
          "-1",
          "1.5",
          "1e400",
          "-1e400",
          "123456789012345678901234567890",
          "18446744073709551616",
          "9223372036854775808",
          "-9223372036854775809",
          "1" + "0".repeat(5000),
          "1e999999999",
          "true",
          "false",
          "null",
          "[]",
          "{}",
          "[\"alice.smith\"]",
          "{\"username\":\"alice.smith\"}",
          "\"\\ud800\"",
          "\"\\udfff\\ud800x\"",
          "\"\\u0000\"",
          "-0",
          "[null]",
          "[[[[]]]]");

  /** Texts that are not JSON, or not a JSON object. */
  static final List<String> NOT_OBJECTS =
      List.of(
          "",
          " ",
          "\n\n",
          "[]",
          "\"x\"",
          "1",
          "null",
          "true",
          "[{\"username\":\"alice.smith\"}]",
          "{}{}",
          "{\"a\":1}garbage",
          "{'username':'a'}",
          "{username:\"a\"}",
          "{\"a\":NaN}",
          "{\"a\":Infinity}",
          "{\"a\":0x10}",
          "{\"a\":01}",
          "{\"a\":1,}",
          "{,}",
          "{\"a\" 1}",
          "/* c */{}",
          "{\"a\":\"\\x41\"}",
          "{\"a\":\"\\u12\"}",
          "{\"a\":\"unterminated}",
          "\uFEFF{}",
          "{\"a\":.5}",
          "{\"a\":1e}",
          "]",
          "}",
          "{",
          "\"",
          "{\"username\":\"a\"\"password\":\"b\"}",
          "{\"a\":[1,2}",
          "{\"a\":tru}");

  /** Byte sequences that are not valid UTF-8 (or are NUL). */
  static final List<byte[]> BAD_BYTES =
      List.of(
          new byte[] {0},
          new byte[] {(byte) 0xFF},
          new byte[] {(byte) 0xC0, (byte) 0xAF},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          new byte[] {(byte) 0xC3},
          new byte[] {(byte) 0x80},
          new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
          new byte[] {(byte) 0xFE, (byte) 0xFF},
          new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
          new byte[] {0x1B, '[', '2', 'J'});

  /** Values for integer query parameters (the user list's limit and offset), percent-encoded. */
  static final List<String> NUMBERS =
      List.of(
          "9223372036854775808",
          "-9223372036854775809",
          "9223372036854775807",
          "18446744073709551616",
          "1" + "0".repeat(400),
          "-1",
          "0",
          "1",
          "1000",
          "1001",
          "20",
          "",
          "%20",
          "1%20",
          "%2B5",
          "-0",
          "00020",
          "1e3",
          "0x10",
          "1.0",
          "NaN",
          "Infinity",
          "%EF%BC%95",
          "%D9%A3",
          "%00",
          "%FF",
          "%C0%AF",
          "%zz",
          "abc",
          "20;drop",
          "20%27%20OR%201=1",
          "%E2%80%8B1");

  /** Values for the user list's sorting_field. */
  static final List<String> SORTING_FIELDS =
      List.of(
          "id",
          "username",
          "role",
          "is_active",
          "created_at",
          "updated_at",
          "",
          "USERNAME",
          "password_hash",
          "username;DROP%20TABLE%20users",
          "id%20desc",
          "1",
          "(select%201)",
          "%00",
          "%F0%9F%98%80",
          "username%00",
          "users.id",
          "%22username%22",
          "x".repeat(300));

  /** Values for the user list's sorting_order. */
  static final List<String> SORTING_ORDERS =
      List.of(
          "ASC",
          "DESC",
          "asc",
          "Desc",
          "",
          "ASC;",
          "%00",
          "%EF%BC%A1%EF%BC%B3%EF%BC%A3",
          "%C4%B1",
          "1",
          "ASC%20NULLS%20FIRST",
          "%zz");

  /**
   * Request methods: standard, WebDAV, made up. Not CONNECT: the listener answers it with nothing
   * at all (it waits to open a tunnel), so it can only time out.
   */
  static final List<String> METHODS =
      List.of(
          "GET",
          "POST",
          "PUT",
          "PATCH",
          "DELETE",
          "HEAD",
          "OPTIONS",
          "TRACE",
          "PROPFIND",
          "MKCOL",
          "FOO",
          "BREW",
          "get",
          "Post",
          "X".repeat(200),
          "DELETE-ALL",
          "M-SEARCH",
          "_");

  /** Content-Type values. */
  static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json; charset=UTF-8",
          "application/json;charset=latin-1",
          "application/json; charset=\"utf-8\"",
          "APPLICATION/JSON",
          "application/json; charset=utf-16",
          "application/json; charset=nonsense",
          "text/plain",
          "text/json",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/xml",
          "*/*",
          "application/*",
          "application/json-patch+json",
          "application/merge-patch+json",
          "application/vnd.api+json",
          ";;;",
          "",
          "application",
          "/json",
          "application/json;;",
          "application/json; =x",
          "application/json; charset",
          "json",
          "application/json\u00ff",
          "text/html; charset=utf-8",
          "application/json, text/plain");

  /** Origin header values (the service's own origin is added by the generator). */
  static final List<String> ORIGINS =
      List.of(
          "null",
          "http://evil.example",
          "https://127.0.0.1.evil.example",
          "",
          "file://",
          "http://[::1",
          "x".repeat(3000),
          "http://\u00e9vil.example");

  /** Accept header values. */
  static final List<String> ACCEPTS =
      List.of(
          "text/html",
          "application/xml",
          "*/*",
          "application/json",
          "image/png",
          "application/json;q=0",
          ";;",
          "text/*;q=abc",
          "");

  /** X-Request-Id values: valid, too long, with spaces, NUL and invalid bytes. */
  static final List<String> REQUEST_IDS =
      List.of(
          "fuzz-1.2_3",
          "x".repeat(64),
          "x".repeat(65),
          "bad id",
          "",
          "\u0000",
          "\u00ff\u00fe",
          "id;drop",
          "<script>",
          "a".repeat(8000));
}
