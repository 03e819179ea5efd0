-- What the batch probe consumer applied (it reads the same topic as the probe consumer).
CREATE TABLE probe_applied_batch (
    event_id   text PRIMARY KEY,
    aggregate  text        NOT NULL,
    seq        integer     NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
