package io.cleanusers.setup;

import io.cleanusers.infrastructure.config.BootstrapSettings;
import io.cleanusers.infrastructure.config.LoginThrottleSettings;
import io.cleanusers.infrastructure.config.PasswordSettings;
import io.cleanusers.infrastructure.config.ServiceConfig;
import io.cleanusers.infrastructure.config.SessionSettings;
import io.cleanusers.infrastructure.config.Settings;
import io.cleanusers.presentation.rest.filter.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Reads and validates the configuration once and hands each part to the beans that need it. */
@ApplicationScoped
public class SettingsProducer {

  @Produces
  @Singleton
  Settings settings() {
    return ServiceConfig.loadSettings(SettingsProducer.class.getClassLoader());
  }

  @Produces
  WebSettings web(Settings settings) {
    return new WebSettings(
        settings.http().allowedOrigins(),
        settings.session().secureCookie(),
        settings.session().sameSite());
  }

  @Produces
  PasswordSettings password(Settings settings) {
    return settings.password();
  }

  @Produces
  SessionSettings session(Settings settings) {
    return settings.session();
  }

  @Produces
  LoginThrottleSettings loginThrottle(Settings settings) {
    return settings.loginThrottle();
  }

  @Produces
  BootstrapSettings bootstrap(Settings settings) {
    return settings.bootstrap();
  }
}
