package io.cleanusers.application.fakes;

import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Fills a bean's {@code @Inject} fields from the given objects, each field with the one object of
 * its type, the way CDI would. A field with no candidate, or several, fails loudly, so a new
 * dependency of an interactor cannot be left null by accident.
 */
public final class Wiring {

  private Wiring() {}

  public static <T> T wire(T bean, Object... candidates) {
    for (Class<?> type = bean.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(Inject.class)) {
          set(bean, field, candidateFor(field, candidates));
        }
      }
    }
    return bean;
  }

  private static Object candidateFor(Field field, Object[] candidates) {
    List<Object> matches =
        java.util.Arrays.stream(candidates).filter(field.getType()::isInstance).toList();
    if (matches.size() != 1) {
      throw new IllegalStateException(
          matches.size()
              + " candidates for "
              + field.getDeclaringClass().getSimpleName()
              + "."
              + field.getName());
    }
    return matches.get(0);
  }

  private static void set(Object bean, Field field, Object value) {
    try {
      field.setAccessible(true);
      field.set(bean, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
