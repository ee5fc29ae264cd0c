package io.cleanusers.presentation.rest.json;

import io.cleanusers.presentation.rest.error.RequestValidationException;
import io.cleanusers.presentation.rest.error.ValidationProblem;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request body on its way to a request record: typed reads of its fields that collect every
 * structural problem (docs/contract/errors.md, "Validation errors") and report them together from
 * {@link #validate()}. Unknown keys are ignored.
 */
@Schema(hidden = true)
public final class JsonBody {

  private final JsonObject object;
  private final List<ValidationProblem> problems = new ArrayList<>();

  private JsonBody(JsonObject object, ValidationProblem problem) {
    this.object = object;
    if (problem != null) {
      problems.add(problem);
    }
  }

  static JsonBody of(JsonValue value) {
    if (value instanceof JsonObject object) {
      return new JsonBody(object, null);
    }
    return broken(ValidationProblem.body(null, "Input should be a valid JSON object", "dict_type"));
  }

  static JsonBody broken(ValidationProblem problem) {
    return new JsonBody(JsonValue.EMPTY_JSON_OBJECT, problem);
  }

  /** A body the client did not send at all: every field then reports as missing. */
  public static JsonBody orMissing(JsonBody body) {
    return body != null ? body : broken(ValidationProblem.body(null, "Field required", "missing"));
  }

  /** A string field that must be present and not null; {@code null} when it is not. */
  public String requiredString(String field) {
    if (!object.containsKey(field) || object.isNull(field)) {
      if (isReadable()) {
        problems.add(ValidationProblem.body(field, "Field required", "missing"));
      }
      return null;
    }
    return string(field);
  }

  /** A string field that may be absent or null. */
  public Optional<String> optionalString(String field) {
    if (!object.containsKey(field) || object.isNull(field)) {
      return Optional.empty();
    }
    return Optional.ofNullable(string(field));
  }

  /** A string field that may be absent but, when present, is one of {@code allowed}. */
  public Optional<String> optionalChoice(String field, Collection<String> allowed) {
    if (!object.containsKey(field)) {
      return Optional.empty();
    }
    String value = object.isNull(field) ? null : string(field);
    if (value == null || !allowed.contains(value)) {
      problems.add(
          ValidationProblem.body(
              field, "Input should be " + String.join(" or ", quoted(allowed)), "enum"));
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** Throws the 422 when any read above found a problem. */
  public void validate() {
    if (!problems.isEmpty()) {
      throw new RequestValidationException(problems);
    }
  }

  private boolean isReadable() {
    return problems.stream().noneMatch(p -> p.loc().size() == 1);
  }

  private String string(String field) {
    JsonValue value = object.get(field);
    if (value instanceof JsonString text) {
      return text.getString();
    }
    problems.add(ValidationProblem.body(field, "Input should be a valid string", "string_type"));
    return null;
  }

  private static List<String> quoted(Collection<String> values) {
    return values.stream().map(v -> "'" + v + "'").toList();
  }
}
