-- What the probe consumer applied: one row per event it changed state for.
CREATE TABLE probe_applied (
    event_id   text PRIMARY KEY,
    aggregate  text        NOT NULL,
    seq        integer     NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
