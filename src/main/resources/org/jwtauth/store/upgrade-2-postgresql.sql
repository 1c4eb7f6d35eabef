-- Upgrade of the refresh-token store (jwt-servlet-auth) from schema 1 (no session table) to schema 2.
-- Run schema-postgresql.sql first (it creates jwtauth_session and leaves existing tables alone), then this script.
-- Nothing is dropped and no token is touched: sessions started before the upgrade keep refreshing after it.
-- Safe to run again: the column is only added when missing, and sessions already recorded are skipped.
ALTER TABLE jwtauth_refresh_token ADD COLUMN IF NOT EXISTS rotated_by VARCHAR(64);
-- One session row for each token family, derived from its tokens; a family with a revoked token is revoked.
INSERT INTO jwtauth_session (session_id, subject, state, created_at, last_used_at, expires_at)
SELECT t.family_id, MIN(t.subject),
       CASE WHEN MAX(CASE WHEN t.state = 'REVOKED' THEN 1 ELSE 0 END) = 1 THEN 'REVOKED' ELSE 'ACTIVE' END,
       MIN(t.created_at), MAX(t.created_at), MAX(t.family_expires_at)
FROM jwtauth_refresh_token t
WHERE NOT EXISTS (SELECT 1 FROM jwtauth_session s WHERE s.session_id = t.family_id)
GROUP BY t.family_id;
