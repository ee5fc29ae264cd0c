package io.cleanusers.application.query;

import java.util.List;

/** A page of users and how many users there are in all. */
public record UserPage(List<UserListItem> users, long total) {

  /** An unmodifiable copy, so the page cannot change after it is made. */
  public UserPage {
    users = List.copyOf(users);
  }
}
