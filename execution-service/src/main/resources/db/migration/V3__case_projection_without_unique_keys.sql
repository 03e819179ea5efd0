-- Automation keys are unique among a project's live cases in testcase-service, but its events
-- arrive per case (one Kafka key each): a deleted case's TestCaseDeleted may come after the
-- TestCaseCreated of the case that took its automation key. The projection accepts both for that
-- moment instead of stopping its consumer; imports take the most recently updated one.
DROP INDEX cases_automation_key;
CREATE INDEX cases_automation_key ON cases (project_id, automation_key) WHERE automation_key IS NOT NULL AND NOT deleted;
