package io.testtrack.auth.domain;

import io.testtrack.events.ProjectRole;
import java.time.Instant;
import java.util.UUID;

/** A member of a project as listed: who, with which role, since when. */
public record Member(UUID userId, String email, String name, ProjectRole role, Instant addedAt) {
}
