-- Inbox: the ids of events a consumer has already applied, written in the same transaction
-- as the consumer's change, so that a redelivered event changes nothing.
CREATE TABLE inbox (
    consumer    text        NOT NULL,
    event_id    text        NOT NULL,
    event_type  text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX inbox_received_at ON inbox (received_at);
