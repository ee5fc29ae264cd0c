package io.cleanusers.presentation.rest.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnreadableTargetFilterTest {

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "limit=10", "q=%C3%A9&a=%2B", "a=b%20c"})
  void queries_a_uri_can_hold_pass(String query) {
    assertTrue(UnreadableTargetFilter.readableQuery(query));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=%zz", "a=%", "a=%4", "a=%4g&b=1"})
  void queries_with_a_broken_percent_encoding_are_refused(String query) {
    assertFalse(UnreadableTargetFilter.readableQuery(query));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"localhost", "localhost:8080", "127.0.0.1:1", "[::1]:8080", "users.example.org"})
  void hosts_that_are_authorities_pass(String host) {
    assertTrue(UnreadableTargetFilter.readableHost(host));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a\tb", "x/y", "a?b", "a#b", "[::1"})
  void hosts_a_uri_cannot_hold_are_refused(String host) {
    assertFalse(UnreadableTargetFilter.readableHost(host));
  }
}
