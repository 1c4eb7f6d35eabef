-- Refresh-token store (jwt-servlet-auth), PostgreSQL 9.5+. Idempotent: safe to run on every start and from several nodes.
-- One row per session (a login on one device, the token family) and one per refresh token of it.
-- Times are epoch milliseconds; token_hash is the base64url SHA-256 of the token (43 chars), never the token.
CREATE TABLE IF NOT EXISTS jwtauth_refresh_token (
    token_hash        VARCHAR(64)  NOT NULL PRIMARY KEY,
    family_id         VARCHAR(64)  NOT NULL,
    subject           VARCHAR(255) NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    created_at        BIGINT       NOT NULL,
    idle_expires_at   BIGINT       NOT NULL,
    family_expires_at BIGINT       NOT NULL,
    rotated_at        BIGINT,
    rotated_by        VARCHAR(64)
);
CREATE INDEX IF NOT EXISTS jwtauth_rt_subject_idx ON jwtauth_refresh_token (subject);
CREATE INDEX IF NOT EXISTS jwtauth_rt_family_idx ON jwtauth_refresh_token (family_id);
CREATE INDEX IF NOT EXISTS jwtauth_rt_idle_exp_idx ON jwtauth_refresh_token (idle_expires_at);
CREATE INDEX IF NOT EXISTS jwtauth_rt_family_exp_idx ON jwtauth_refresh_token (family_expires_at);
-- Rotation and revocation lock the session row first, so they serialise per session (no orphaned successor).
CREATE TABLE IF NOT EXISTS jwtauth_session (
    session_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    subject           VARCHAR(255) NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    created_at        BIGINT       NOT NULL,
    last_used_at      BIGINT       NOT NULL,
    expires_at        BIGINT       NOT NULL,
    not_before        BIGINT,
    login_user_agent  VARCHAR(255),
    login_address     VARCHAR(64),
    last_user_agent   VARCHAR(255),
    last_address      VARCHAR(64)
);
CREATE INDEX IF NOT EXISTS jwtauth_session_subject_idx ON jwtauth_session (subject);
CREATE INDEX IF NOT EXISTS jwtauth_session_exp_idx ON jwtauth_session (expires_at);
