package io.cleanusers.presentation.rest.dto;

import io.cleanusers.application.query.Pagination;
import io.cleanusers.application.query.UserPage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of list users (GET /api/v1/users): a page of users, the total, and the page's bounds. */
@Schema(
    name = "UserPage",
    requiredProperties = {"users", "total", "limit", "offset"})
public record UserPageResponse(List<UserResponse> users, long total, int limit, long offset) {

  public UserPageResponse {
    users = List.copyOf(users);
  }

  public static UserPageResponse of(UserPage page, Pagination pagination) {
    return new UserPageResponse(
        page.users().stream().map(UserResponse::of).toList(),
        page.total(),
        pagination.limit(),
        pagination.offset());
  }
}
