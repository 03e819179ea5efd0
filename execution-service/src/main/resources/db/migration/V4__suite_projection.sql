-- The suite tree of testcase-service, from its SuiteSaved and SuiteDeleted events: a run created
-- from suites takes the cases of their descendants too.
CREATE TABLE suites (
    suite_id   uuid PRIMARY KEY,
    project_id uuid        NOT NULL,
    parent_id  uuid,
    deleted    boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suites_parent ON suites (parent_id) WHERE NOT deleted;
