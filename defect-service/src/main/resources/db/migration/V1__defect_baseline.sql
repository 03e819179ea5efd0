-- defect-service owns the "defect" schema. The platform's outbox and inbox (V0_x) come first;
-- the defect domain tables arrive with the issue that builds the domain.
COMMENT ON SCHEMA defect IS 'TestTrack Pro defect-service';
