package io.cleanusers.application.common;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a use case whose writes succeed or fail together: they commit when the method returns and
 * are rolled back when it throws. A unit of work called from inside another joins it. The
 * persistence adapter supplies the interceptor that does it; the use case only declares the
 * boundary.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface UnitOfWork {}
