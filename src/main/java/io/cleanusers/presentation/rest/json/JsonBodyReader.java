package io.cleanusers.presentation.rest.json;

import io.cleanusers.presentation.rest.error.ValidationProblem;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Parses request bodies into {@link JsonBody}. Malformed JSON is not an exception here but a
 * problem the request record reports as 422 together with the rest; so is JSON past the parser's
 * limits (nesting over 1,000 deep, numbers over 1,100 digits), which Parsson reports as plain
 * runtime exceptions rather than {@code JsonException}.
 *
 * <p>The reader factory is made once: {@code Json.createReader} looks the JSON-P provider up with a
 * {@code ServiceLoader} scan of the class path on every call (docs/benchmarks.md, change 17).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<JsonBody> {

  private final JsonReaderFactory readers = Json.createReaderFactory(Map.of());

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
    try (JsonReader reader = readers.createReader(entityStream)) {
      return JsonBody.of(reader.readValue());
    } catch (WebApplicationException e) {
      throw e; // the body grew past 64 KiB while being read: 413
    } catch (RuntimeException e) { // JsonException, or a parser limit: too deep, number too long
      return JsonBody.broken(ValidationProblem.body(null, "JSON decode error", "json_invalid"));
    }
  }
}
