-- The bench needs only the platform's outbox and inbox.
COMMENT ON SCHEMA bench IS 'TestTrack Pro benchmarks';
