package io.cleanusers.it.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Holds every exchange of the integration suite against the OpenAPI document the build wrote (the
 * one the WAR serves). Each answer must be one the document describes, for its route, method and
 * status, with that body. A request is held to the document when the service accepted it (2xx): the
 * suite sends many broken requests on purpose, and for those only the answer is checked. Routes the
 * document does not list (unknown paths, wrong methods, the docs and the servers' own endpoints)
 * are outside it.
 */
public final class ContractCheck {

  /** The OpenAPI document the build wrote (and the WAR serves). */
  public static final Path DOCUMENT =
      Path.of(System.getProperty("clean-users.openapi", "target/openapi/openapi.yaml"));

  private static final Set<String> OUTSIDE_THE_DOCUMENT =
      Set.of(
          "validation.request.path.missing",
          "validation.request.operation.notAllowed",
          // A body on GET or DELETE reaches the route, which ignores it; no document can say so.
          "validation.request.body.unexpected");
  private static final Set<String> DOCUMENTED_METHODS = Set.of("GET", "POST", "PATCH", "DELETE");
  private static final OpenApiInteractionValidator VALIDATOR = validator();

  private ContractCheck() {}

  /** Fails with every disagreement between the document and this exchange. */
  static void check(
      String method,
      URI uri,
      String requestBody,
      String contentType,
      String cookie,
      HttpResponse<String> answer) {
    if (!DOCUMENTED_METHODS.contains(method)) {
      return;
    }
    Request request = request(method, uri, requestBody, contentType, cookie);
    ValidationReport report =
        VALIDATOR.validateResponse(uri.getRawPath(), request.getMethod(), response(answer));
    if (answer.statusCode() / 100 == 2) {
      report = report.merge(VALIDATOR.validateRequest(request));
    }
    List<String> problems =
        report.getMessages().stream()
            .filter(message -> !OUTSIDE_THE_DOCUMENT.contains(message.getKey()))
            .map(message -> message.getKey() + ": " + message.getMessage())
            .toList();
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "the OpenAPI document disagrees with "
              + method
              + " "
              + uri
              + " → "
              + answer.statusCode()
              + " "
              + abbreviated(answer.body())
              + ":\n  "
              + problems.stream().collect(Collectors.joining("\n  ")));
    }
  }

  private static String abbreviated(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "...";
  }

  private static Request request(
      String method, URI uri, String body, String contentType, String cookie) {
    var builder = new SimpleRequest.Builder(method, uri.getRawPath());
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int equals = pair.indexOf('=');
        builder.withQueryParam(
            equals < 0 ? pair : pair.substring(0, equals),
            equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), UTF_8));
      }
    }
    if (contentType != null) {
      builder.withContentType(contentType);
    }
    if (cookie != null) {
      builder.withHeader("Cookie", cookie);
    }
    if (body != null) {
      builder.withBody(body);
    }
    return builder.build();
  }

  private static Response response(HttpResponse<String> answer) {
    var builder = SimpleResponse.Builder.status(answer.statusCode());
    answer.headers().map().forEach((name, values) -> builder.withHeader(name, values));
    if (!answer.body().isEmpty()) {
      builder.withBody(answer.body());
    }
    return builder.build();
  }

  private static OpenApiInteractionValidator validator() {
    try {
      return OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(DOCUMENT))
          // Unknown JSON keys are ignored by the service, as OpenAPI's default allows.
          .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no OpenAPI document at "
              + DOCUMENT.toAbsolutePath()
              + "; the build writes it (./mvnw verify)",
          e);
    }
  }
}
