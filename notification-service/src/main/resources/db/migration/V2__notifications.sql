-- What notification-service learns from other services' events: which project a run belongs
-- to (for run channels) and who a defect concerns (for recipient rules).
CREATE TABLE runs (
    run_id     uuid PRIMARY KEY,
    project_id uuid        NOT NULL,
    name       text,
    created_by uuid,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE defects (
    defect_id   uuid PRIMARY KEY,
    project_id  uuid        NOT NULL,
    key         text,
    title       text,
    reporter_id uuid,
    assignee_id uuid,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Users who follow a defect: whoever commented on it, and any watcher an event names.
CREATE TABLE defect_watchers (
    defect_id uuid NOT NULL,
    user_id   uuid NOT NULL,
    PRIMARY KEY (defect_id, user_id)
);

-- In-app notifications, at most one per event and user.
CREATE TABLE notifications (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL,
    project_id uuid,
    event_id   text        NOT NULL,
    event_type text        NOT NULL,
    reason     text        NOT NULL,
    title      text        NOT NULL,
    data       jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    read_at    timestamptz,
    UNIQUE (user_id, event_id)
);
-- The list: unread first, newest first, then by id (keyset).
CREATE INDEX notifications_list ON notifications (user_id, (read_at IS NOT NULL), created_at DESC, id DESC);

-- What a user wants to hear of an event type: in the app, by e-mail (NONE, IMMEDIATE, DIGEST),
-- and whether every event of that type in the user's projects counts, not only the user's own.
CREATE TABLE preferences (
    user_id      uuid    NOT NULL,
    event_type   text    NOT NULL,
    in_app       boolean NOT NULL,
    email        text    NOT NULL CHECK (email IN ('NONE', 'IMMEDIATE', 'DIGEST')),
    all_projects boolean NOT NULL,
    PRIMARY KEY (user_id, event_type)
);

-- Chat threads per project and per run.
CREATE TABLE chat_messages (
    id         uuid PRIMARY KEY,
    channel    text        NOT NULL,
    project_id uuid        NOT NULL,
    author_id  uuid        NOT NULL,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL,
    edited_at  timestamptz,
    deleted_at timestamptz
);
CREATE INDEX chat_messages_page ON chat_messages (channel, created_at DESC, id DESC);
