package io.cleanusers.it.support;

import io.cleanusers.infrastructure.config.ServiceConfig;
import io.cleanusers.infrastructure.config.Settings;

/**
 * The settings the deployed service runs with, as the tests read them: the shipped config.toml, and
 * what the failsafe configuration gives the WAR (see pom.xml).
 */
public final class TestSettings {

  /** The settings the tests read as the service does (the shipped config.toml). */
  public static final Settings CONFIG =
      ServiceConfig.loadSettings(TestSettings.class.getClassLoader());

  public static final int MAX_FAILURES = Integer.getInteger("it.login.max-failures", 5);
  public static final int LOCKOUT_SECONDS = Integer.getInteger("it.login.lockout-seconds", 2);

  /** The bootstrap super admin the WAR is given. */
  public static final String SUPER_ADMIN = System.getProperty("it.superadmin.username");

  public static final String SUPER_ADMIN_PASSWORD = System.getProperty("it.superadmin.password");

  /** Session TTL: the default (5 minutes). */
  public static final long TTL_SECONDS = CONFIG.session().ttl().toSeconds();

  private TestSettings() {}
}
