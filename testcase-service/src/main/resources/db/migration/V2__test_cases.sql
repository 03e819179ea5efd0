-- Suites: a tree per project, ordered among siblings.
CREATE TABLE suites (
    id         uuid PRIMARY KEY,
    project_id uuid        NOT NULL,
    parent_id  uuid        REFERENCES suites (id) ON DELETE CASCADE,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    position   integer     NOT NULL,
    created_by uuid,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL DEFAULT 0
);
CREATE INDEX suites_parent ON suites (project_id, parent_id, position);
-- Sibling names are unique regardless of case (the CSV layout addresses suites by path).
CREATE UNIQUE INDEX suites_sibling_name ON suites (project_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

-- Case numbers per project: handed out once, never reused, even after a delete.
CREATE TABLE case_numbers (
    project_id  uuid PRIMARY KEY,
    last_number integer NOT NULL
);

-- Custom fields a project LEAD defines.
CREATE TABLE field_definitions (
    id         uuid PRIMARY KEY,
    project_id uuid        NOT NULL,
    name       text        NOT NULL,
    label      text        NOT NULL,
    type       text        NOT NULL CHECK (type IN ('TEXT', 'NUMBER', 'SELECT', 'MULTI_SELECT', 'CHECKBOX')),
    options    jsonb       NOT NULL DEFAULT '[]',
    required   boolean     NOT NULL DEFAULT false,
    position   integer     NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL DEFAULT 0,
    UNIQUE (project_id, name)
);

-- A named group of steps that several cases include.
CREATE TABLE shared_steps (
    id         uuid PRIMARY KEY,
    project_id uuid        NOT NULL,
    name       text        NOT NULL,
    steps      jsonb       NOT NULL,
    created_by uuid,
    updated_by uuid,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    integer     NOT NULL
);
CREATE UNIQUE INDEX shared_steps_name ON shared_steps (project_id, lower(name));

CREATE TABLE test_cases (
    id               uuid PRIMARY KEY,
    project_id       uuid        NOT NULL,
    number           integer     NOT NULL,
    key              text        NOT NULL,
    title            text        NOT NULL,
    description      text,
    preconditions    text,
    type             text        NOT NULL,
    priority         text        NOT NULL,
    priority_rank    smallint GENERATED ALWAYS AS (CASE priority WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END) STORED,
    status           text        NOT NULL,
    tags             jsonb       NOT NULL DEFAULT '[]',
    estimate_minutes integer,
    suite_id         uuid        REFERENCES suites (id) ON DELETE SET NULL,
    automation_key   text,
    steps            jsonb       NOT NULL DEFAULT '[]',
    custom_fields    jsonb       NOT NULL DEFAULT '{}',
    -- The text of every step, shared ones expanded, kept by the service on each write.
    steps_text       text        NOT NULL DEFAULT '',
    search           tsvector GENERATED ALWAYS AS (
                         setweight(to_tsvector('english', title), 'A')
                         || setweight(to_tsvector('english', coalesce(description, '')), 'B')
                         || setweight(to_tsvector('english', steps_text), 'C')) STORED,
    version          integer     NOT NULL,
    created_by       uuid,
    created_at       timestamptz NOT NULL,
    updated_by       uuid,
    updated_at       timestamptz NOT NULL,
    deleted_at       timestamptz,
    deleted_by       uuid,
    UNIQUE (project_id, number)
);
-- An automation key names one live case per project; a deleted case keeps its key until restored.
CREATE UNIQUE INDEX test_cases_automation_key ON test_cases (project_id, automation_key)
    WHERE automation_key IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX test_cases_search ON test_cases USING gin (search);
CREATE INDEX test_cases_tags ON test_cases USING gin (tags jsonb_path_ops);
CREATE INDEX test_cases_custom_fields ON test_cases USING gin (custom_fields jsonb_path_ops);
CREATE INDEX test_cases_shared_steps ON test_cases USING gin (steps jsonb_path_ops);
CREATE INDEX test_cases_suite ON test_cases (suite_id);
CREATE INDEX test_cases_updated ON test_cases (project_id, updated_at, id);
CREATE INDEX test_cases_title ON test_cases (project_id, lower(title), id);
CREATE INDEX test_cases_priority ON test_cases (project_id, priority_rank, number);
CREATE INDEX test_cases_deleted ON test_cases (deleted_at) WHERE deleted_at IS NOT NULL;

-- Every change makes a version: the case's content then, who changed it and which fields.
CREATE TABLE test_case_versions (
    test_case_id uuid        NOT NULL REFERENCES test_cases (id) ON DELETE CASCADE,
    version      integer     NOT NULL,
    content      jsonb       NOT NULL,
    steps        jsonb       NOT NULL,
    changes      jsonb       NOT NULL,
    summary      text        NOT NULL,
    changed_by   uuid,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (test_case_id, version)
);
