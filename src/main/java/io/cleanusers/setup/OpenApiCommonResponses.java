package io.cleanusers.setup;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the answers every API operation can give to the OpenAPI document
 * (docs/contract/operations.md, "OpenAPI document"), so each resource documents only its own: 422,
 * 413 and 415 where a body is read, 403 where a browser from another site could send the request
 * (POST, PATCH, DELETE), 500 and 503 always. The build runs it when it writes the document
 * (pom.xml, smallrye-open-api-maven-plugin).
 */
public class OpenApiCommonResponses implements OASFilter {

  // Sorted by status code, so that every build writes the responses in the same order (Map.of
  // iterates in an order that changes from one JVM to the next).
  private static final SortedMap<String, String> FOR_BODIES =
      sorted(
          Map.of(
              "413", "Body over 64 KiB.",
              "415", "Body not sent as application/json.",
              "422", "Malformed JSON, missing, null or wrongly typed field."));
  private static final SortedMap<String, String> FOR_ALL =
      sorted(
          Map.of(
              "500", "Internal server error (generic text; details in the log under X-Request-Id).",
              "503", "Database unreachable or password hasher saturated (Retry-After)."));

  private static final String CROSS_SITE = "Cross-site request refused (Origin or Sec-Fetch-Site).";

  @Override
  public PathItem filterPathItem(PathItem path) {
    for (Operation changing : new Operation[] {path.getPOST(), path.getPATCH(), path.getDELETE()}) {
      if (changing != null
          && changing.getResponses() != null
          && !changing.getResponses().hasAPIResponse("403")) {
        changing
            .getResponses()
            .addAPIResponse("403", response(CROSS_SITE, "#/components/schemas/Error"));
      }
    }
    return path;
  }

  @Override
  public Operation filterOperation(Operation operation) {
    if (operation.getResponses() == null || operation.getResponses().hasAPIResponse("307")) {
      return operation;
    }
    if (operation.getRequestBody() != null) {
      addAll(operation.getResponses(), FOR_BODIES, "#/components/schemas/Error");
      operation
          .getResponses()
          .addAPIResponse(
              "422",
              response(
                  "Request validation failed: " + FOR_BODIES.get("422"),
                  "#/components/schemas/ValidationError"));
    }
    addAll(operation.getResponses(), FOR_ALL, "#/components/schemas/Error");
    return operation;
  }

  private static SortedMap<String, String> sorted(Map<String, String> codes) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(codes));
  }

  private static void addAll(APIResponses responses, Map<String, String> codes, String schema) {
    codes.forEach(
        (code, text) -> {
          if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, response(text, schema));
          }
        });
  }

  private static APIResponse response(String description, String schemaRef) {
    Content content =
        OASFactory.createContent()
            .addMediaType(
                "application/json",
                OASFactory.createObject(MediaType.class)
                    .schema(OASFactory.createObject(Schema.class).ref(schemaRef)));
    return OASFactory.createAPIResponse().description(description).content(content);
  }
}
