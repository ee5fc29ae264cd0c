package io.cleanusers.application.query;

/** The read side's port: reads users straight from storage, no entities involved. */
public interface UserReader {

  UserPage list(Pagination pagination, Sorting sorting);
}
