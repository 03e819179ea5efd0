package io.testtrack.defect.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.client.GithubApi;
import io.testtrack.defect.client.GithubClient;
import io.testtrack.defect.domain.Defect;
import io.testtrack.defect.domain.FixReferences;
import io.testtrack.defect.domain.HistoryEntry;
import io.testtrack.defect.domain.GithubIntegration;
import io.testtrack.defect.domain.WebhookSignature;
import io.testtrack.defect.repository.DefectRepository;
import io.testtrack.defect.repository.GithubIntegrationRepository;
import io.testtrack.defect.repository.HistoryRepository;
import io.testtrack.defect.repository.ProjectDirectory;
import io.testtrack.events.EventCodec;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.DomainException;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.InvalidRequestException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * GitHub per project: integrations (repository, sealed webhook secret and token), and the
 * webhook: verified by its HMAC-SHA256 signature, each delivery applied once, and a pushed commit
 * or merged pull request that says {@code fixes SHOP-B12} moves that defect to FIXED.
 */
@ApplicationScoped
public class GithubService {

    /** One change on GitHub: what it says and where it is. */
    private record Change(String text, String url) {
    }

    /** A defect a change names as fixed. */
    private record Ref(String key, Change change) {
    }

    private final GithubIntegrationRepository integrations;
    private final DefectRepository defects;
    private final ProjectAccess access;
    private final ProjectDirectory projects;
    private final WorkflowService workflow;
    private final SecretBox box;
    private final DefectAccess defectAccess;
    private final HistoryRepository history;
    private final GithubClient github;

    public GithubService(GithubIntegrationRepository integrations, DefectRepository defects, ProjectAccess access,
            ProjectDirectory projects, WorkflowService workflow, SecretBox box, DefectAccess defectAccess, HistoryRepository history,
            GithubClient github) {
        this.defectAccess = defectAccess;
        this.history = history;
        this.github = github;
        this.integrations = integrations;
        this.defects = defects;
        this.access = access;
        this.projects = projects;
        this.workflow = workflow;
        this.box = box;
    }

    public Uni<GithubIntegration> create(Principal principal, UUID projectId, String repository, String webhookSecret, String token) {
        return access.require(principal, projectId, Permission.MANAGE).chain(() -> {
            GithubIntegration i = new GithubIntegration();
            i.id = UUID.randomUUID();
            i.projectId = projectId;
            i.repository = repository;
            i.webhookSecret = box.seal(webhookSecret);
            i.token = token == null || token.isBlank() ? null : box.seal(token);
            i.createdBy = principal.actorId();
            i.createdAt = Instant.now();
            return Panache.withTransaction(() -> integrations.persist(i));
        });
    }

    public Uni<List<GithubIntegration>> list(Principal principal, UUID projectId) {
        return access.require(principal, projectId, Permission.READ).chain(() -> Panache.withSession(() -> integrations.ofProject(projectId)));
    }

    /** Links the defect to a GitHub issue or pull request of one of its project's integrations, by URL. */
    public Uni<Defect> link(Principal principal, UUID defectId, String url) {
        return Panache.withTransaction(() -> defectAccess.find(principal, defectId, Permission.REPORT_DEFECTS, true)
                .chain(found -> integrations.ofProject(found.defect().projectId).map(all -> {
                    Defect d = found.defect();
                    boolean ours = all.stream().anyMatch(i -> url.matches("https://github\\.com/" + java.util.regex.Pattern.quote(i.repository)
                            + "/(issues|pull)/\\d+"));
                    if (!ours) {
                        throw new InvalidFieldsException("url", "is not an issue or pull request of this project's GitHub repositories");
                    }
                    return setUrl(d, url, principal.actorId());
                }).chain(this::saveHistory)));
    }

    /**
     * Opens a GitHub issue for the defect in the project's repository (the first integration with
     * a token) and links it. GitHub is called outside any transaction; what it answers is stored
     * in one.
     */
    public Uni<Defect> openIssue(Principal principal, UUID defectId) {
        return Panache.withSession(() -> defectAccess.find(principal, defectId, Permission.REPORT_DEFECTS, false)
                        .chain(found -> integrations.ofProject(found.defect().projectId).map(all -> {
                            GithubIntegration i = all.stream().filter(x -> x.token != null).findFirst().orElseThrow(() ->
                                    new ConflictException("The project has no GitHub integration with a token."));
                            if (found.defect().githubUrl != null) {
                                throw new ConflictException("The defect is linked to " + found.defect().githubUrl + " already.");
                            }
                            return new Target(found.defect(), i);
                        })))
                .chain(target -> {
                    Defect d = target.defect();
                    GithubIntegration i = target.integration();
                    return github.createIssue(i.repository, box.open(i.token), new GithubApi.NewIssue("[" + d.key + "] " + d.title,
                                    issueBody(d), List.of("testtrack")))
                            .onFailure(f -> !(f instanceof DomainException))
                            .transform(f -> new GithubClient.Unavailable("GitHub did not create the issue: " + f.getMessage()));
                })
                .chain(issue -> Panache.withTransaction(() -> defectAccess.find(principal, defectId, Permission.REPORT_DEFECTS, true)
                        .map(found -> setUrl(found.defect(), issue.html_url(), principal.actorId())).chain(this::saveHistory)));
    }

    private record Linked(Defect defect, HistoryEntry entry) {
    }

    private record Target(Defect defect, GithubIntegration integration) {
    }

    private static Linked setUrl(Defect d, String url, UUID by) {
        HistoryEntry entry = HistoryEntry.of(d.id, by, null, Instant.now(), "githubUrl", d.githubUrl, url);
        d.githubUrl = url;
        d.updatedAt = entry.at;
        d.updatedBy = by;
        d.version++;
        return new Linked(d, entry);
    }

    private Uni<Defect> saveHistory(Linked linked) {
        return history.persist(linked.entry()).replaceWith(linked.defect());
    }

    private static String issueBody(Defect d) {
        StringBuilder body = new StringBuilder("Filed in TestTrack Pro as ").append(d.key).append(" (").append(d.severity).append(", ")
                .append(d.priority).append(").\n");
        section(body, "Description", d.description);
        section(body, "Steps to reproduce", d.stepsToReproduce);
        section(body, "Expected result", d.expectedResult);
        section(body, "Actual result", d.actualResult);
        section(body, "Environment", d.environment == null && d.build == null ? null
                : (d.environment == null ? "" : d.environment) + (d.build == null ? "" : " (build " + d.build + ")"));
        return body.toString();
    }

    private static void section(StringBuilder body, String title, String text) {
        if (text != null && !text.isBlank()) {
            body.append("\n### ").append(title).append("\n\n").append(text).append("\n");
        }
    }

    /** A webhook delivery; answers the keys of the defects it moved to FIXED. */
    public Uni<List<String>> deliver(UUID integrationId, String event, String deliveryId, String signature, byte[] body) {
        return Panache.withTransaction(() -> integrations.findById(integrationId).chain(i -> {
            if (i == null) {
                throw new ResourceNotFoundException("No such integration.");
            }
            if (!WebhookSignature.matches(box.open(i.webhookSecret), body, signature)) {
                throw new BadSignature();
            }
            if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 100) {
                throw new InvalidRequestException("X-GitHub-Delivery must name the delivery.");
            }
            return integrations.firstDelivery(i.id, deliveryId).chain(first -> {
                if (!first) {
                    throw new ConflictException("Delivery " + deliveryId + " was received before; a replay changes nothing.");
                }
                List<Change> changes = changes(event, body);
                return changes.isEmpty() ? Uni.createFrom().item(List.<String>of()) : fix(i, changes);
            });
        }));
    }

    private Uni<List<String>> fix(GithubIntegration i, List<Change> changes) {
        return projects.writableKey(i.projectId).chain(projectKey -> {
            List<Ref> refs = changes.stream()
                    .flatMap(c -> FixReferences.in(c.text(), projectKey).stream().map(key -> new Ref(key, c))).toList();
            List<String> moved = new ArrayList<>();
            if (refs.isEmpty()) {
                return Uni.createFrom().item(moved);
            }
            return Multi.createFrom().iterable(refs)
                    .onItem().transformToUniAndConcatenate(ref -> defects.find("projectId = ?1 and key = ?2", i.projectId, ref.key())
                            .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                            .chain(d -> d == null ? Uni.createFrom().item(false)
                                    : workflow.fixedByChange(d, ref.change().text(), ref.change().url()))
                            .invoke(done -> {
                                if (done) {
                                    moved.add(ref.key());
                                } else {
                                    Log.infof("%s was named as fixed by %s but is not assigned or in progress; left as it is", ref.key(),
                                            ref.change().url());
                                }
                            }))
                    .collect().last().replaceWith(moved);
        });
    }

    /** The changes of a push (its commits) or of a merged pull request; other events have none. */
    private static List<Change> changes(String event, byte[] body) {
        JsonNode payload;
        try {
            payload = EventCodec.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new InvalidRequestException("The delivery is not JSON.");
        }
        List<Change> changes = new ArrayList<>();
        if ("push".equals(event)) {
            for (JsonNode commit : payload.path("commits")) {
                changes.add(new Change(commit.path("message").asText(""), commit.path("url").asText("")));
            }
        } else if ("pull_request".equals(event) && "closed".equals(payload.path("action").asText())
                && payload.path("pull_request").path("merged").asBoolean(false)) {
            JsonNode pr = payload.path("pull_request");
            changes.add(new Change(pr.path("title").asText("") + "\n" + pr.path("body").asText(""), pr.path("html_url").asText("")));
        }
        return changes;
    }

    /** The signature is missing or is not the body's under the integration's secret. */
    public static final class BadSignature extends DomainException {
        public BadSignature() {
            super(401, "invalid-signature", "Invalid signature", "X-Hub-Signature-256 is missing or does not match the body.");
        }
    }
}
