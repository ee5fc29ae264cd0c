-- Consecutive failed logins per lower-cased username, shared by every instance (SPEC §5.5).
CREATE TABLE login_throttle (
    username_key varchar(64) PRIMARY KEY,
    failures     integer     NOT NULL,
    lockouts     integer     NOT NULL,
    locked_until timestamptz
);
