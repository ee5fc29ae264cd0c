package io.cleanusers.it.fuzz;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a server does on its own, before or beside the WAR, that neither the WAR nor the server's
 * configuration file can change. The oracle lets each pass on the servers that have it, and nowhere
 * else; the README lists them under "Known gaps".
 */
public enum ServerQuirk {

  /**
   * Open Liberty's web container refuses a request target it cannot decode ({@code /a%zz}, {@code
   * /%00}) or whose path parameters it cannot place ({@code /;a=b/}) with a 400 page of its own,
   * hard-coded before any application runs: a line of HTML, or {@code {"error_message": ...}} for a
   * client that accepts JSON.
   */
  LISTENER_PAGE_FOR_UNDECODABLE_TARGET,

  /**
   * Open Liberty's own MicroProfile applications fail with a 500 on a query they cannot decode
   * ({@code /metrics?a=%zz}); server.xml can only replace their HTML pages with one JSON line.
   */
  MICROPROFILE_APPS_ANSWER_5XX,

  /**
   * Payara's Grizzly listener refuses a header value holding bytes above 0x7F (obs-text, which HTTP
   * allows) with an empty 400, before any application runs: its strict header check, on by default
   * since the fix for CVE-2024-45687, looks each byte up as a signed number. Turning the check off
   * would let CR and NUL through again, so it stays on.
   */
  LISTENER_REFUSES_OBS_TEXT_HEADER;

  /** The quirks of the server named as in {@code make run SERVER=...}. */
  public static Set<ServerQuirk> of(String server) {
    return switch (server) {
      case "liberty" ->
          EnumSet.of(LISTENER_PAGE_FOR_UNDECODABLE_TARGET, MICROPROFILE_APPS_ANSWER_5XX);
      case "payara-micro", "payara-server" -> EnumSet.of(LISTENER_REFUSES_OBS_TEXT_HEADER);
      default -> EnumSet.noneOf(ServerQuirk.class);
    };
  }

  /** The quirks of the server the integration tests run on. */
  public static Set<ServerQuirk> ofServerUnderTest() {
    return of(System.getProperty("it.server", "payara-micro"));
  }
}
