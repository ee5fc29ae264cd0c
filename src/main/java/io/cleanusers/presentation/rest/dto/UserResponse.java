package io.cleanusers.presentation.rest.dto;

import io.cleanusers.application.query.UserListItem;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One user as the list and {@code /account/me} show it; timestamps are ISO-8601 UTC. */
@Schema(
    name = "User",
    requiredProperties = {"id", "username", "role", "is_active", "created_at", "updated_at"})
public record UserResponse(
    @Schema(format = "uuid") String id,
    String username,
    @Schema(enumeration = {"user", "admin", "super_admin"}) String role,
    @JsonbProperty("is_active") @Schema(name = "is_active") boolean isActive,
    @JsonbProperty("created_at") @Schema(name = "created_at") Instant createdAt,
    @JsonbProperty("updated_at") @Schema(name = "updated_at") Instant updatedAt) {

  public static UserResponse of(UserListItem item) {
    return new UserResponse(
        item.id().toString(),
        item.username(),
        item.role(),
        item.active(),
        item.createdAt(),
        item.updatedAt());
  }
}
