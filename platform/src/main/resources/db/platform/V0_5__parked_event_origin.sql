-- Where a parked event came from, so that an operator can replay it through the API (the event
-- is published again to its topic, under its key, and only the consumer that parked it applies
-- it: the others find it in their inbox). Rows parked before this have no topic and cannot be
-- replayed, only discarded. The id names a parked event in the API.
ALTER TABLE parked_event ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE parked_event ADD COLUMN topic text;
ALTER TABLE parked_event ADD COLUMN message_key text;
CREATE UNIQUE INDEX parked_event_id ON parked_event (id);
