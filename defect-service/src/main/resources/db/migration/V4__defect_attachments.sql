-- Screenshots and logs on a defect, with the same rules and limits as an execution's.
CREATE TABLE defect_attachments (
    id            uuid PRIMARY KEY,
    defect_id     uuid        NOT NULL REFERENCES defects (id) ON DELETE CASCADE,
    file_name     text        NOT NULL,
    content_type  text        NOT NULL,
    size_bytes    bigint      NOT NULL,
    sha256        text        NOT NULL,
    content       bytea       NOT NULL,
    uploaded_by   uuid,
    uploaded_at   timestamptz NOT NULL
);
CREATE INDEX defect_attachments_defect ON defect_attachments (defect_id, uploaded_at, id);
