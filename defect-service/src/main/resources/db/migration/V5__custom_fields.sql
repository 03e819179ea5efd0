-- Custom fields of a project's defects: the same types and rules as test cases' custom fields
-- (the rules live once, in the platform module); a defect keeps its values by field name.
CREATE TABLE defect_field_definitions (
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

ALTER TABLE defects ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}';
