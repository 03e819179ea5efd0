-- notification-service owns the "notification" schema. The platform's outbox and inbox (V0_x) come first;
-- the notification domain tables arrive with the issue that builds the domain.
COMMENT ON SCHEMA notification IS 'TestTrack Pro notification-service';
