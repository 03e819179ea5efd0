-- The cases of testcase-service, as their events describe them: what a run executes and how a
-- CI import matches automated tests (by automation key).
CREATE TABLE cases (
    test_case_id   uuid PRIMARY KEY,
    project_id     uuid        NOT NULL,
    key            text        NOT NULL,
    version        integer     NOT NULL,
    title          text        NOT NULL,
    type           text        NOT NULL,
    priority       text        NOT NULL,
    status         text        NOT NULL,
    tags           jsonb       NOT NULL DEFAULT '[]',
    suite_id       uuid,
    automation_key text,
    steps          jsonb       NOT NULL DEFAULT '[]',
    deleted        boolean     NOT NULL DEFAULT false,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_project ON cases (project_id) WHERE NOT deleted;
CREATE UNIQUE INDEX cases_automation_key ON cases (project_id, automation_key) WHERE automation_key IS NOT NULL AND NOT deleted;
CREATE INDEX cases_tags ON cases USING gin (tags jsonb_path_ops);

CREATE TABLE runs (
    id              uuid PRIMARY KEY,
    project_id      uuid        NOT NULL,
    name            text        NOT NULL,
    description     text,
    environment     text,
    build_version   text,
    milestone       text,
    origin          text        NOT NULL CHECK (origin IN ('MANUAL', 'IMPORT', 'RERUN')),
    source_run_id   uuid        REFERENCES runs (id) ON DELETE SET NULL,
    status          text        NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED')),
    configurations  jsonb       NOT NULL DEFAULT '[]',
    idempotency_key text,
    created_by      uuid,
    created_at      timestamptz NOT NULL,
    started_at      timestamptz,
    completed_at    timestamptz,
    version         bigint      NOT NULL DEFAULT 0,
    UNIQUE (project_id, idempotency_key)
);
CREATE INDEX runs_project ON runs (project_id, created_at DESC, id);

-- One execution per case (per configuration) in a run. Manual ones snapshot the case's title,
-- steps and version; imported ones keep the JUnit outcome and the attempts of a rerun test.
CREATE TABLE executions (
    id             uuid PRIMARY KEY,
    run_id         uuid        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    project_id     uuid        NOT NULL,
    position       integer     NOT NULL,
    test_case_id   uuid,
    case_key       text,
    case_version   integer,
    automation_key text,
    title          text        NOT NULL,
    steps          jsonb       NOT NULL DEFAULT '[]',
    configuration  text,
    assignee       uuid,
    status         text        NOT NULL,
    status_set     boolean     NOT NULL DEFAULT false,
    outcome        text,
    attempts       integer     NOT NULL DEFAULT 1,
    flaky          boolean     NOT NULL DEFAULT false,
    duration_ms    bigint,
    message        text,
    details        text,
    system_out     text,
    system_err     text,
    time_spent_ms  bigint      NOT NULL DEFAULT 0,
    timer_started_at timestamptz,
    updated_by     uuid,
    updated_at     timestamptz NOT NULL,
    version        integer     NOT NULL DEFAULT 0
);
CREATE INDEX executions_run ON executions (run_id, position);
CREATE INDEX executions_run_status ON executions (run_id, status);
CREATE INDEX executions_unlinked ON executions (project_id, automation_key) WHERE test_case_id IS NULL AND automation_key IS NOT NULL;

-- One row per step and execution: two testers recording different steps never overwrite each other.
CREATE TABLE step_results (
    execution_id  uuid        NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    step_index    integer     NOT NULL,
    status        text        NOT NULL CHECK (status IN ('PASS', 'FAIL', 'BLOCKED', 'SKIPPED')),
    actual_result text,
    comment       text,
    recorded_by   uuid,
    recorded_at   timestamptz NOT NULL,
    PRIMARY KEY (execution_id, step_index)
);

CREATE TABLE attachments (
    id            uuid PRIMARY KEY,
    execution_id  uuid        NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    step_index    integer,
    file_name     text        NOT NULL,
    content_type  text        NOT NULL,
    size_bytes    bigint      NOT NULL,
    sha256        text        NOT NULL,
    content       bytea       NOT NULL,
    uploaded_by   uuid,
    uploaded_at   timestamptz NOT NULL
);
CREATE INDEX attachments_execution ON attachments (execution_id);

-- Staging for CI imports: the parser streams rows here with COPY inside the import's transaction;
-- they become executions by one INSERT … SELECT and are deleted before it commits.
CREATE UNLOGGED TABLE import_rows (
    import_id   uuid    NOT NULL,
    seq         integer NOT NULL,
    classname   text    NOT NULL,
    name        text    NOT NULL,
    key         text    NOT NULL,
    outcome     text    NOT NULL,
    flaky       boolean NOT NULL,
    duration_ms bigint,
    message     text,
    details     text,
    system_out  text,
    system_err  text
);
CREATE INDEX import_rows_import ON import_rows (import_id, key, seq);
