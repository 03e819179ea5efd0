-- Accounts, one-time tokens (e-mail verification, password reset, invitation) and refresh tokens.
CREATE TABLE users (
    id             uuid PRIMARY KEY,
    email          text        NOT NULL,
    name           text        NOT NULL,
    password_hash  text,
    global_role    text        NOT NULL CHECK (global_role IN ('ADMIN', 'TESTER', 'DEVELOPER')),
    active         boolean     NOT NULL DEFAULT true,
    email_verified boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

-- Secrets are stored as SHA-256 hashes only.
CREATE TABLE one_time_tokens (
    token_hash text PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'INVITATION')),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX one_time_tokens_user ON one_time_tokens (user_id, purpose);

-- A family is one login session; each refresh rotates the token within its family.
CREATE TABLE refresh_tokens (
    id                uuid PRIMARY KEY,
    token_hash        text        NOT NULL UNIQUE,
    family_id         uuid        NOT NULL,
    user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_expires_at timestamptz NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    rotated_at        timestamptz,
    revoked_at        timestamptz,
    user_agent        text,
    ip                text
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_live_by_user ON refresh_tokens (user_id) WHERE revoked_at IS NULL;

CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid,
    actor_email text,
    action      text        NOT NULL,
    target_type text,
    target_id   text,
    ip          text,
    details     text
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_action ON audit_log (action, at DESC);
