-- Defect numbers per project: handed out once, never reused (SHOP-B12 is the project's 12th defect).
CREATE TABLE defect_numbers (
    project_id  uuid PRIMARY KEY,
    last_number integer NOT NULL
);

CREATE TABLE defects (
    id                  uuid PRIMARY KEY,
    project_id          uuid        NOT NULL,
    number              integer     NOT NULL,
    key                 text        NOT NULL,
    title               text        NOT NULL,
    description         text,
    steps_to_reproduce  text,
    expected_result     text,
    actual_result       text,
    severity            text        NOT NULL CHECK (severity IN ('BLOCKER', 'CRITICAL', 'MAJOR', 'MINOR', 'TRIVIAL')),
    priority            text        NOT NULL CHECK (priority IN ('P0', 'P1', 'P2', 'P3', 'P4')),
    reproducibility     text        CHECK (reproducibility IN ('ALWAYS', 'SOMETIMES', 'RARELY', 'UNABLE')),
    environment         text,
    build               text,
    tags                jsonb       NOT NULL DEFAULT '[]',
    reporter_id         uuid        NOT NULL,
    assignee_id         uuid,
    watchers            jsonb       NOT NULL DEFAULT '[]',
    status              text        NOT NULL,
    resolution          text,
    duplicate_of        uuid        REFERENCES defects (id),
    fix_root_cause      text,
    fix_summary         text,
    fix_link            text,
    execution_id        uuid,
    run_id              uuid,
    step_index          integer,
    test_case_id        uuid,
    case_key            text,
    case_version        integer,
    retest_execution_id uuid,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    updated_by          uuid,
    version             integer     NOT NULL DEFAULT 0,
    -- What full-text search reads: the key, the title (weighted first) and the texts.
    search              tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', key || ' ' || title), 'A')
        || setweight(to_tsvector('english', coalesce(description, '') || ' ' || coalesce(steps_to_reproduce, '') || ' '
            || coalesce(expected_result, '') || ' ' || coalesce(actual_result, '')), 'B')) STORED,
    UNIQUE (project_id, number)
);
-- The default list: a project's defects, newest first (keyset on created_at, id).
CREATE INDEX defects_project ON defects (project_id, created_at DESC, id DESC);
CREATE INDEX defects_project_status ON defects (project_id, status);
CREATE INDEX defects_assignee ON defects (assignee_id, created_at DESC, id DESC) WHERE assignee_id IS NOT NULL;
CREATE INDEX defects_execution ON defects (execution_id) WHERE execution_id IS NOT NULL;
CREATE INDEX defects_retest ON defects (retest_execution_id) WHERE retest_execution_id IS NOT NULL;
CREATE INDEX defects_test_case ON defects (test_case_id) WHERE test_case_id IS NOT NULL;
CREATE INDEX defects_search ON defects USING gin (search);
CREATE INDEX defects_tags ON defects USING gin (tags jsonb_path_ops);

-- Every edit and move of a defect: who, when, which field, from what to what; a move the
-- platform made by itself names the execution that caused it.
CREATE TABLE defect_history (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    defect_id          uuid        NOT NULL REFERENCES defects (id) ON DELETE CASCADE,
    actor_id           uuid,
    cause_execution_id uuid,
    at                 timestamptz NOT NULL,
    field              text        NOT NULL,
    old_value          text,
    new_value          text
);
CREATE INDEX defect_history_defect ON defect_history (defect_id, id);

-- Comments are markdown kept as text; the API never renders them.
CREATE TABLE defect_comments (
    id         uuid PRIMARY KEY,
    defect_id  uuid        NOT NULL REFERENCES defects (id) ON DELETE CASCADE,
    author_id  uuid        NOT NULL,
    body       text        NOT NULL,
    mentions   jsonb       NOT NULL DEFAULT '[]',
    created_at timestamptz NOT NULL,
    edited_at  timestamptz
);
CREATE INDEX defect_comments_defect ON defect_comments (defect_id, created_at, id);

-- Links between defects of one project (a duplicate is the defect's duplicate_of).
CREATE TABLE defect_links (
    defect_id  uuid        NOT NULL REFERENCES defects (id) ON DELETE CASCADE,
    target_id  uuid        NOT NULL REFERENCES defects (id) ON DELETE CASCADE,
    kind       text        NOT NULL CHECK (kind IN ('RELATED', 'BLOCKS')),
    created_by uuid,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (defect_id, target_id, kind)
);

-- execution-service's runs and failed steps, as its events describe them: what a defect filed
-- from a failed step is prefilled with.
CREATE TABLE execution_runs (
    run_id        uuid PRIMARY KEY,
    project_id    uuid NOT NULL,
    name          text,
    environment   text,
    build_version text
);

CREATE TABLE execution_steps (
    execution_id  uuid    NOT NULL,
    step_index    integer NOT NULL,
    run_id        uuid    NOT NULL,
    project_id    uuid    NOT NULL,
    test_case_id  uuid,
    case_key      text,
    case_version  integer,
    title         text,
    action        text,
    expected      text,
    actual_result text,
    comment       text,
    status        text    NOT NULL,
    PRIMARY KEY (execution_id, step_index)
);
