package io.cleanusers.infrastructure.config;

import java.util.Optional;

/** The first super admin, created at startup when both keys are set ({@code [bootstrap]}). */
public record BootstrapSettings(Optional<String> username, Optional<String> password) {

  static BootstrapSettings read(ConfigValues values) {
    Optional<String> username = values.optionalText("bootstrap.SUPER_ADMIN_USERNAME");
    Optional<String> password = values.optionalText("bootstrap.SUPER_ADMIN_PASSWORD");
    if (username.isPresent() != password.isPresent()) {
      String missing =
          username.isPresent()
              ? "bootstrap.SUPER_ADMIN_PASSWORD"
              : "bootstrap.SUPER_ADMIN_USERNAME";
      throw new InvalidConfigurationException(
          missing, "it must be set together with the other bootstrap key, or both left empty");
    }
    return new BootstrapSettings(username, password);
  }

  public boolean enabled() {
    return username.isPresent();
  }

  @Override
  public String toString() {
    return "BootstrapSettings[username=" + username.orElse("") + "]";
  }
}
