package io.testtrack.defect.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A project's GitHub repository; the secrets are stored sealed (see SecretBox), never in clear. */
@Entity
@Table(name = "github_integrations")
public class GithubIntegration {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String repository;

    @Column(name = "webhook_secret", nullable = false)
    public String webhookSecret;

    public String token;

    @Column(name = "created_by", updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
