package io.cleanusers.infrastructure.monitoring;

import io.cleanusers.application.common.port.ServiceMetrics;
import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finds the metrics registry the server offers to applications, by name, so that no class of an API
 * the server lacks is ever loaded there: MicroProfile Metrics first (Payara, Open Liberty), then
 * Micrometer (WildFly), else none, which is said once in the log.
 *
 * <p>The registry is looked up as if injected into the adapter's {@code registry} field: a server's
 * producer may read the injection point (Payara's does, for the registry's scope).
 */
public final class MetricsRegistries {

  private static final Logger LOG = Logger.getLogger(MetricsRegistries.class.getName());
  private static final String MICROPROFILE = "org.eclipse.microprofile.metrics.MetricRegistry";
  private static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";

  private MetricsRegistries() {}

  public static ServiceMetrics serviceMetrics() {
    BeanManager beans = CDI.current().getBeanManager();
    Optional<ServiceMetrics> found =
        registry(beans, MICROPROFILE, MicroProfileMetrics.class)
            .<ServiceMetrics>map(
                registry ->
                    new MicroProfileMetrics(
                        (org.eclipse.microprofile.metrics.MetricRegistry) registry))
            .or(
                () ->
                    registry(beans, MICROMETER, MicrometerMetrics.class)
                        .map(
                            registry ->
                                new MicrometerMetrics(
                                    (io.micrometer.core.instrument.MeterRegistry) registry)));
    found.ifPresentOrElse(
        metrics -> LOG.info(() -> "Metrics go to " + metrics.getClass().getSimpleName() + "."),
        () ->
            LOG.warning(
                "Metrics are off: this server offers applications neither"
                    + " MicroProfile Metrics nor Micrometer."));
    return found.orElseGet(NoMetrics::new);
  }

  /** The server's registry of {@code typeName}, if it has the API and a bean of it. */
  private static Optional<Object> registry(
      BeanManager beans, String typeName, Class<? extends ServiceMetrics> adapter) {
    Class<?> type;
    try {
      type = Class.forName(typeName, false, MetricsRegistries.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    if (beans.getBeans(type).isEmpty()) {
      return Optional.empty();
    }
    AnnotatedField<?> field =
        beans.createAnnotatedType(adapter).getFields().stream()
            .filter(f -> f.getJavaMember().getName().equals("registry"))
            .findFirst()
            .orElseThrow();
    InjectionPoint injectionPoint = beans.createInjectionPoint(field);
    return Optional.of(
        beans.getInjectableReference(injectionPoint, beans.createCreationalContext(null)));
  }
}
