-- Events a consumer could not apply because of the event itself (its data breaks a constraint of
-- the database, or does not read). Each is kept here with the failure instead of stopping the
-- consumer, so that one bad event holds up nothing behind it on its partition. The inbox row
-- written in the same transaction marks it as handled; to apply it after a fix, delete both rows
-- and publish the event again. The event is kept as text: JSON that PostgreSQL's jsonb refuses
-- (an escaped NUL) is a reason an event lands here.
CREATE TABLE parked_event (
    consumer   text        NOT NULL,
    event_id   text        NOT NULL,
    event_type text        NOT NULL,
    subject    text,
    event      text        NOT NULL,
    failure    text        NOT NULL,
    parked_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX parked_event_parked_at ON parked_event (parked_at);
