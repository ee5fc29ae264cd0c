package io.cleanusers.presentation.rest.json;

import io.cleanusers.presentation.rest.error.ValidationProblem;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Parses request bodies into {@link JsonBody}. Malformed JSON is not an exception here but a
 * problem the request record reports as 422 together with the rest.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<JsonBody> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == JsonBody.class;
  }

  @Override
  public JsonBody readFrom(
      Class<JsonBody> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream) {
    try (JsonReader reader = Json.createReader(entityStream)) {
      return JsonBody.of(reader.readValue());
    } catch (JsonException | IllegalStateException e) {
      return JsonBody.broken(ValidationProblem.body(null, "JSON decode error", "json_invalid"));
    }
  }
}
