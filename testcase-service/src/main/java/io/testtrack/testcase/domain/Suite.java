package io.testtrack.testcase.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A folder of a project's suite tree; siblings are ordered by position and named uniquely. */
@Entity
@Table(name = "suites")
public class Suite {

    public static final int MAX_NAME = 200;

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public String name;

    public int position;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public long version;

    /** A new suite, last among its siblings ({@code position} = how many there are). */
    public static Suite create(UUID projectId, UUID parentId, String name, int position, UUID by, Instant now) {
        Suite suite = new Suite();
        suite.id = UUID.randomUUID();
        suite.projectId = projectId;
        suite.parentId = parentId;
        suite.name = name.trim();
        suite.position = position;
        suite.createdBy = by;
        suite.createdAt = now;
        suite.updatedAt = now;
        return suite;
    }
}
