package io.cleanusers.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** JSON request bodies. */
public final class Bodies {

  private Bodies() {}

  /** A JSON object from name/value pairs; a null value is a JSON null. */
  public static String json(String... pairs) {
    JsonObjectBuilder builder = Json.createObjectBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        builder.addNull(pairs[i]);
      } else {
        builder.add(pairs[i], pairs[i + 1]);
      }
    }
    return builder.build().toString();
  }

  /** The body of sign-up and log-in. */
  public static String credentials(String name, String password) {
    return json("username", name, "password", password);
  }

  /** The body of a password change that gives the current password. */
  public static String passwordChange(String username, String password, String currentPassword) {
    return json("username", username, "password", password, "current_password", currentPassword);
  }
}
