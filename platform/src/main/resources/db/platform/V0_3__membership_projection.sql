-- Who may see which project, as this service learns it from auth-service's access events.
CREATE TABLE access_users (
    user_id     uuid PRIMARY KEY,
    email       text,
    global_role text,
    active      boolean     NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE access_projects (
    project_id uuid PRIMARY KEY,
    key        text        NOT NULL,
    name       text        NOT NULL,
    archived   boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE access_members (
    project_id uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    role       text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, user_id)
);
CREATE INDEX access_members_user ON access_members (user_id);
