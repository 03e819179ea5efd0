package io.testtrack.auth.domain;

import io.testtrack.events.ProjectRole;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A user's role in one project. */
@Entity
@Table(name = "project_members")
public class ProjectMember {

    @EmbeddedId
    public Key id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectRole role;

    @Column(name = "added_by")
    public UUID addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    public static ProjectMember of(UUID projectId, UUID userId, ProjectRole role, UUID addedBy, Instant now) {
        ProjectMember member = new ProjectMember();
        member.id = new Key(projectId, userId);
        member.role = role;
        member.addedBy = addedBy;
        member.addedAt = now;
        return member;
    }

    @Embeddable
    public record Key(@Column(name = "project_id") UUID projectId, @Column(name = "user_id") UUID userId)
            implements Serializable {
    }
}
