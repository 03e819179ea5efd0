-- testcase-service owns the "testcase" schema. The platform's outbox and inbox (V0_x) come first;
-- the testcase domain tables arrive with the issue that builds the domain.
COMMENT ON SCHEMA testcase IS 'TestTrack Pro testcase-service';
