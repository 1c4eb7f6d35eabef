-- Upgrade of the refresh-token store (jwt-servlet-auth) from schema 2 to schema 3: user agents of up to 256
-- characters, and the index through which every node learns new revocations (not_before, the time of a session's
-- first revocation). Run schema-h2.sql first, then this script. Nothing is dropped and no token is touched.
-- Safe to run again.
ALTER TABLE jwtauth_session ALTER COLUMN login_user_agent SET DATA TYPE VARCHAR(256);
ALTER TABLE jwtauth_session ALTER COLUMN last_user_agent SET DATA TYPE VARCHAR(256);
CREATE INDEX IF NOT EXISTS jwtauth_session_nbf_idx ON jwtauth_session (not_before, session_id);
