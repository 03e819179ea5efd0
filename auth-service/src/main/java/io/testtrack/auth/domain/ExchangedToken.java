package io.testtrack.auth.domain;

import io.testtrack.events.ProjectRole;
import java.util.UUID;

/** The short-lived access token an API token was exchanged for, scoped to its project and role. */
public record ExchangedToken(String accessToken, long expiresIn, UUID projectId, ProjectRole role) {
}
