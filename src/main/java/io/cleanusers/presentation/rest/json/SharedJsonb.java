package io.cleanusers.presentation.rest.json;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JSON-B instance that writes every response body. Without it, RESTEasy (WildFly) builds a
 * new instance for each response, and with it looks up the JSON-B provider and introspects the
 * response class again: a quarter of WildFly's CPU on {@code /account/me} (docs/benchmarks.md).
 * JSON-B instances are thread-safe, and Jakarta REST 3.1 requires its JSON-B support to use the
 * instance an application resolves here.
 */
@Provider
@ApplicationScoped
public class SharedJsonb implements ContextResolver<Jsonb> {

  private final Jsonb jsonb = JsonbBuilder.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  /** Releases what the instance holds; a lifecycle callback may throw no checked exception. */
  @PreDestroy
  void close() {
    try {
      jsonb.close();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot close the JSON-B instance", e);
    }
  }
}
