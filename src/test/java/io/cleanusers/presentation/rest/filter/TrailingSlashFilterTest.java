package io.cleanusers.presentation.rest.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrailingSlashFilterTest {

  @ParameterizedTest
  @CsvSource({
    "http://localhost:8080/api/v1/, http://localhost:8080/api/v1",
    "http://localhost:8080/api/v1///, http://localhost:8080/api/v1",
    "http://localhost:8080//, http://localhost:8080/",
    "http://[::1]:8080/api/v1/users/, http://[::1]:8080/api/v1/users",
    "https://users.example.org/api/v1/users/?limit=1&q=%2F/, "
        + "https://users.example.org/api/v1/users?limit=1&q=%2F/",
    "http://localhost/api/v1/users/a%20b/, http://localhost/api/v1/users/a%20b",
    "http://localhost/api/v1/api/v1/, http://localhost/api/v1/api/v1",
    "http://u%40x@localhost:8080/api/v1/, http://u%40x@localhost:8080/api/v1",
  })
  void cuts_the_slashes_that_end_the_path_and_keeps_the_rest_as_sent(String sent, String served) {
    assertEquals(URI.create(served), TrailingSlashFilter.withoutTrailingSlashes(URI.create(sent)));
  }
}
