-- Refresh-token store (jwt-servlet-auth), PostgreSQL 9.5+. Idempotent: safe to run on every start and from several nodes.
-- Times are epoch milliseconds; token_hash is the base64url SHA-256 of the token (43 chars), never the token.
CREATE TABLE IF NOT EXISTS jwtauth_refresh_token (
    token_hash        VARCHAR(64)  NOT NULL PRIMARY KEY,
    family_id         VARCHAR(64)  NOT NULL,
    subject           VARCHAR(255) NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    created_at        BIGINT       NOT NULL,
    idle_expires_at   BIGINT       NOT NULL,
    family_expires_at BIGINT       NOT NULL,
    rotated_at        BIGINT
);
CREATE INDEX IF NOT EXISTS jwtauth_rt_subject_idx ON jwtauth_refresh_token (subject);
CREATE INDEX IF NOT EXISTS jwtauth_rt_family_idx ON jwtauth_refresh_token (family_id);
CREATE INDEX IF NOT EXISTS jwtauth_rt_idle_exp_idx ON jwtauth_refresh_token (idle_expires_at);
CREATE INDEX IF NOT EXISTS jwtauth_rt_family_exp_idx ON jwtauth_refresh_token (family_expires_at);
