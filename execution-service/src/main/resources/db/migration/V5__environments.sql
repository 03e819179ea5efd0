-- The environments a project runs its tests in (a LEAD keeps the list); a run names one of them.
CREATE TABLE environments (
    project_id uuid    NOT NULL,
    name       text    NOT NULL,
    position   integer NOT NULL,
    PRIMARY KEY (project_id, name)
);
