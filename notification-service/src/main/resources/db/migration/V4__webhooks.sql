-- Outgoing webhooks: a project LEAD's URLs, with the event types they want (none: all).
CREATE TABLE webhooks (
    id              uuid PRIMARY KEY,
    project_id      uuid        NOT NULL,
    url             text        NOT NULL,
    secret          text        NOT NULL,
    event_types     text[]      NOT NULL DEFAULT '{}',
    active          boolean     NOT NULL DEFAULT true,
    failures        integer     NOT NULL DEFAULT 0,
    disabled_reason text,
    created_by      uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_project ON webhooks (project_id);

-- One row per event and webhook, kept with its attempts so that a restart loses none. PENDING
-- rows are due at next_attempt_at; a dispatcher claims them by moving next_attempt_at past its
-- lease (FOR UPDATE SKIP LOCKED), so replicas share the work.
CREATE TABLE webhook_deliveries (
    id               uuid PRIMARY KEY,
    webhook_id       uuid        NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id         text        NOT NULL,
    event_type       text        NOT NULL,
    payload          text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_status_code integer,
    last_error       text,
    last_latency_ms  integer,
    created_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz,
    redelivery_of    uuid
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_list ON webhook_deliveries (webhook_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (webhook_id, event_id) WHERE redelivery_of IS NULL;
