-- execution-service owns the "execution" schema. The platform's outbox and inbox (V0_x) come first;
-- the execution domain tables arrive with the issue that builds the domain.
COMMENT ON SCHEMA execution IS 'TestTrack Pro execution-service';
