-- Projects, their members and the API tokens CI pipelines use.
CREATE TABLE projects (
    id          uuid PRIMARY KEY,
    key         text        NOT NULL,
    name        text        NOT NULL,
    description text,
    archived    boolean     NOT NULL DEFAULT false,
    created_by  uuid        NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX projects_key ON projects (upper(key));

CREATE TABLE project_members (
    project_id uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       text        NOT NULL CHECK (role IN ('LEAD', 'TESTER', 'DEVELOPER', 'VIEWER')),
    added_by   uuid,
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_members_user ON project_members (user_id);

CREATE TABLE api_tokens (
    id           uuid PRIMARY KEY,
    project_id   uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('VIEWER', 'TESTER')),
    token_hash   text        NOT NULL UNIQUE,
    token_prefix text        NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    created_by   uuid        NOT NULL REFERENCES users (id),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_tokens_project ON api_tokens (project_id);
