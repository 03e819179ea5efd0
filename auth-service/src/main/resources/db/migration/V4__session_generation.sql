-- Every access token carries the session generation it was issued in; ending a user's sessions
-- (logout everywhere, password change or reset, deactivation, a global role change) raises it, and
-- the gateway refuses tokens of an earlier generation. Unlike a moment in whole seconds, a
-- generation cannot tie with a token minted in the same instant.
ALTER TABLE users ADD COLUMN session_generation bigint NOT NULL DEFAULT 0;
