-- auth-service owns the "auth" schema. The platform's outbox and inbox (V0_x) come first;
-- the auth domain tables arrive with the issue that builds the domain.
COMMENT ON SCHEMA auth IS 'TestTrack Pro auth-service';
