package io.cleanusers.application.common.port;

/** Tells a failure caused by storage being unreachable (answered 503) from a bug (500). */
public interface OutageDetector {

  boolean isOutage(Throwable failure);
}
