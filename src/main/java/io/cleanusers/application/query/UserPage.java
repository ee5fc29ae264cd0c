package io.cleanusers.application.query;

import java.util.List;

/** A page of users and how many users there are in all. */
public record UserPage(List<UserListItem> users, long total) {}
