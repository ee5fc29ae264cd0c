package io.cleanusers.application.fakes;

import io.cleanusers.application.query.Pagination;
import io.cleanusers.application.query.Sorting;
import io.cleanusers.application.query.UserListItem;
import io.cleanusers.application.query.UserPage;
import io.cleanusers.application.query.UserReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Serves a fixed list of rows, a page at a time, and remembers how pages were asked. */
public final class FakeUserReader implements UserReader {

  /** One call of {@link #list}. */
  public record Request(Pagination pagination, Sorting sorting) {}

  private final List<UserListItem> rows = new ArrayList<>();
  private final List<Request> requests = new ArrayList<>();

  public void add(UserListItem row) {
    rows.add(row);
  }

  @Override
  public UserPage list(Pagination pagination, Sorting sorting) {
    requests.add(new Request(pagination, sorting));
    List<UserListItem> page =
        rows.stream().skip(pagination.offset()).limit(pagination.limit()).toList();
    return new UserPage(page, rows.size());
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public Optional<Request> lastRequest() {
    return requests.isEmpty() ? Optional.empty() : Optional.of(requests.get(requests.size() - 1));
  }
}
