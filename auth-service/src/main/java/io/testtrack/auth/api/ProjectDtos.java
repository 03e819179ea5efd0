package io.testtrack.auth.api;

import io.testtrack.auth.domain.ApiToken;
import io.testtrack.auth.domain.Project;
import io.testtrack.events.ProjectRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of /api/projects. */
public final class ProjectDtos {

    private ProjectDtos() {
    }

    public record CreateProject(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9]{1,9}", message = "must be 2 to 10 capital letters or digits, starting with a letter")
            String key,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 10_000) String description) {
    }

    public record UpdateProject(
            @Size(min = 1, max = 200) String name,
            @Size(max = 10_000) String description,
            Boolean archived,
            Long version) {
    }

    public record ProjectView(UUID id, String key, String name, String description, boolean archived, UUID createdBy,
            Instant createdAt, Instant updatedAt, long version) {

        public static ProjectView of(Project p) {
            return new ProjectView(p.id, p.key, p.name, p.description, p.archived, p.createdBy, p.createdAt, p.updatedAt,
                    p.version);
        }
    }

    public record AddMember(@NotBlank @Email @Size(max = 254) String email, @NotNull ProjectRole role) {
    }

    public record ChangeMember(@NotNull ProjectRole role) {
    }

    public record CreateToken(@NotBlank @Size(max = 100) String name, @NotNull ProjectRole role, Instant expiresAt) {
    }

    /** The only response that ever carries the secret. */
    public record CreatedToken(UUID id, String token, String name, ProjectRole role, String prefix, Instant expiresAt,
            Instant createdAt) {
    }

    public record TokenView(UUID id, String name, ProjectRole role, String prefix, Instant expiresAt, Instant lastUsedAt,
            Instant revokedAt, UUID createdBy, Instant createdAt) {

        public static TokenView of(ApiToken t) {
            return new TokenView(t.id, t.name, t.role, t.tokenPrefix, t.expiresAt, t.lastUsedAt, t.revokedAt, t.createdBy,
                    t.createdAt);
        }
    }
}
