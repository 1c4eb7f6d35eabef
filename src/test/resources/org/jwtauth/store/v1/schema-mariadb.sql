-- Refresh-token store (jwt-servlet-auth), MariaDB 10.x / MySQL 8. Idempotent: safe to run on every start and
-- from several nodes. The indexes are declared inside CREATE TABLE because MySQL has no CREATE INDEX IF NOT EXISTS.
-- Hashes and family ids are base64url, so they are compared case-sensitively (ascii_bin); subjects too (utf8mb4_bin).
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
    INDEX jwtauth_rt_subject_idx (subject),
    INDEX jwtauth_rt_family_idx (family_id),
    INDEX jwtauth_rt_idle_exp_idx (idle_expires_at),
    INDEX jwtauth_rt_family_exp_idx (family_expires_at)
) ENGINE = InnoDB;
