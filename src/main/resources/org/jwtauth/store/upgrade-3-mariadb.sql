-- Upgrade of the refresh-token store (jwt-servlet-auth) from schema 2 to schema 3: user agents of up to 256
-- characters, and the index through which every node learns new revocations (not_before, the time of a session's
-- first revocation). Run schema-mariadb.sql first, then this script. Nothing is dropped and no token is touched.
-- One statement, so it applies whole or not at all; it fails on a second run (the index exists already).
ALTER TABLE jwtauth_session
    MODIFY login_user_agent VARCHAR(256) CHARACTER SET utf8mb4 NULL,
    MODIFY last_user_agent VARCHAR(256) CHARACTER SET utf8mb4 NULL,
    ADD INDEX jwtauth_session_nbf_idx (not_before, session_id);
