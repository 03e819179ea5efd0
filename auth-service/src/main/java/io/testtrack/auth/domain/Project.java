package io.testtrack.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** A project: the unit of access. Its key prefixes case keys (SHOP-42) and is unique regardless of case. */
@Entity
@Table(name = "projects")
public class Project {

    public static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9]{1,9}");

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String key;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public boolean archived;

    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static Project create(String key, String name, String description, UUID createdBy, Instant now) {
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.key = key;
        project.name = name.trim();
        project.description = description;
        project.createdBy = createdBy;
        project.createdAt = now;
        project.updatedAt = now;
        return project;
    }
}
