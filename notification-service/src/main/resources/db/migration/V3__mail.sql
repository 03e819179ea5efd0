-- Mails to send, at most one per event and user (the key): IMMEDIATE ones go out within
-- seconds, DIGEST ones in the user's daily digest. A row is claimed (sent_at set) in the
-- transaction that reads it, so two instances never send the same row.
CREATE TABLE mail_queue (
    user_id    uuid        NOT NULL,
    event_id   text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('IMMEDIATE', 'DIGEST')),
    event_type text        NOT NULL,
    project_id uuid,
    title      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at    timestamptz,
    PRIMARY KEY (user_id, event_id)
);
CREATE INDEX mail_queue_unsent ON mail_queue (kind, created_at) WHERE sent_at IS NULL;
