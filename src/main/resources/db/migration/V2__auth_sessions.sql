-- Server-side sessions (SPEC §5.1, §8): the row is the truth; deleting it revokes access.
CREATE TABLE auth_sessions (
    id         varchar(64) PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expiration timestamptz NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX auth_sessions_user_id_idx ON auth_sessions (user_id);
CREATE INDEX auth_sessions_expiration_idx ON auth_sessions (expiration);
