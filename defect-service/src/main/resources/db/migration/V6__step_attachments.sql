-- execution-service's attachments, as its events announce them (never their content): what a
-- defect filed from a failed step links to. The content stays with execution-service.
CREATE TABLE execution_attachments (
    attachment_id uuid PRIMARY KEY,
    execution_id  uuid   NOT NULL,
    step_index    integer,
    project_id    uuid   NOT NULL,
    file_name     text   NOT NULL,
    content_type  text   NOT NULL,
    size_bytes    bigint NOT NULL,
    seq           bigint GENERATED ALWAYS AS IDENTITY -- the order they were announced in
);
CREATE INDEX execution_attachments_step ON execution_attachments (execution_id, step_index);

-- The failed step's attachments a defect links to (references to execution-service's, which serves them).
ALTER TABLE defects ADD COLUMN step_attachments jsonb NOT NULL DEFAULT '[]';
