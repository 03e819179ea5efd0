-- A project's GitHub repository: its webhook secret and outbound token are kept encrypted
-- (AES-GCM, key from the deployment), since verifying a signature needs the secret itself.
CREATE TABLE github_integrations (
    id                uuid PRIMARY KEY,
    project_id        uuid        NOT NULL,
    repository        text        NOT NULL,
    webhook_secret    text        NOT NULL,
    token             text,
    created_by        uuid,
    created_at        timestamptz NOT NULL,
    UNIQUE (project_id, repository)
);

-- Deliveries already handled, by GitHub's X-GitHub-Delivery id: a replayed one changes nothing.
CREATE TABLE github_deliveries (
    integration_id uuid        NOT NULL REFERENCES github_integrations (id) ON DELETE CASCADE,
    delivery_id    text        NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (integration_id, delivery_id)
);

-- A fix stated in a GitHub change is commented by the platform itself: no author.
ALTER TABLE defect_comments ALTER COLUMN author_id DROP NOT NULL;

-- The GitHub issue or pull request a defect is linked to.
ALTER TABLE defects ADD COLUMN github_url text;
