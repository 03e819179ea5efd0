-- analytics-service owns the "analytics" schema. The platform's outbox and inbox (V0_x) come first;
-- the analytics domain tables arrive with the issue that builds the domain.
COMMENT ON SCHEMA analytics IS 'TestTrack Pro analytics-service';
