-- Users (SPEC §8). Usernames keep their case but are unique regardless of it.
CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    username      varchar(20) NOT NULL,
    password_hash varchar(60) NOT NULL,
    role          varchar(16) NOT NULL
        CONSTRAINT users_role_check CHECK (role IN ('super_admin', 'admin', 'user')),
    is_active     boolean     NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username));
