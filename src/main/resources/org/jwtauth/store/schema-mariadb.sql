-- Refresh-token store (jwt-servlet-auth), MariaDB 10.x / MySQL 8. Idempotent: safe to run on every start and
-- from several nodes. The indexes are declared inside CREATE TABLE because MySQL has no CREATE INDEX IF NOT EXISTS.
-- Hashes and family ids are base64url, so they are compared case-sensitively (ascii_bin); subjects too (utf8mb4_bin).
-- One row per session (a login on one device, the token family) and one per refresh token of it.
-- Times are epoch milliseconds; token_hash is the base64url SHA-256 of the token (43 chars), never the token.
CREATE TABLE IF NOT EXISTS jwtauth_refresh_token (
    token_hash        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    family_id         VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    subject           VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    state             VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at        BIGINT       NOT NULL,
    idle_expires_at   BIGINT       NOT NULL,
    family_expires_at BIGINT       NOT NULL,
    rotated_at        BIGINT       NULL,
    rotated_by        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    INDEX jwtauth_rt_subject_idx (subject),
    INDEX jwtauth_rt_family_idx (family_id),
    INDEX jwtauth_rt_idle_exp_idx (idle_expires_at),
    INDEX jwtauth_rt_family_exp_idx (family_expires_at)
) ENGINE = InnoDB;
-- Rotation and revocation lock the session row first, so they serialise per session (no orphaned successor).
CREATE TABLE IF NOT EXISTS jwtauth_session (
    session_id        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    subject           VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    state             VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at        BIGINT       NOT NULL,
    last_used_at      BIGINT       NOT NULL,
    expires_at        BIGINT       NOT NULL,
    not_before        BIGINT       NULL,
    login_user_agent  VARCHAR(256) CHARACTER SET utf8mb4 NULL,
    login_address     VARCHAR(64)  CHARACTER SET utf8mb4 NULL,
    last_user_agent   VARCHAR(256) CHARACTER SET utf8mb4 NULL,
    last_address      VARCHAR(64)  CHARACTER SET utf8mb4 NULL,
    INDEX jwtauth_session_subject_idx (subject),
    INDEX jwtauth_session_exp_idx (expires_at),
    -- not_before is the time of the session's first revocation: every node polls for new ones through this index.
    INDEX jwtauth_session_nbf_idx (not_before, session_id)
) ENGINE = InnoDB;
