-- The user list (SPEC §7) sorts by one field with ties broken by id: one index per sort keeps
-- every page an index scan, also at 100k users. (id alone is the primary key.)
CREATE INDEX users_username_id_idx ON users (username, id);
CREATE INDEX users_role_id_idx ON users (role, id);
CREATE INDEX users_is_active_id_idx ON users (is_active, id);
CREATE INDEX users_created_at_id_idx ON users (created_at, id);
CREATE INDEX users_updated_at_id_idx ON users (updated_at, id);
