package io.testtrack.defect.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.GithubIntegration;
import io.testtrack.defect.service.GithubService;
import io.testtrack.platform.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * GitHub: a project's integrations (a LEAD creates them; secrets are never shown again), and the
 * webhook GitHub calls, which carries no token: its HMAC signature is its credential.
 */
@Path("/api/github")
public class GithubResource {

    public record NewIntegration(@NotNull UUID projectId,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}", message = "must be owner/name") String repository,
            @NotBlank @Size(min = 16, max = 200) String webhookSecret, @Size(max = 500) String token) {
    }

    public record IntegrationView(UUID id, UUID projectId, String repository, boolean hasToken, String webhookPath, Instant createdAt) {
        static IntegrationView of(GithubIntegration i) {
            return new IntegrationView(i.id, i.projectId, i.repository, i.token != null, "/api/github/webhooks/" + i.id, i.createdAt);
        }
    }

    public record DeliveryResult(List<String> fixed) {
    }

    private final GithubService github;
    private final Caller caller;

    public GithubResource(GithubService github, Caller caller) {
        this.github = github;
        this.caller = caller;
    }

    @GET
    @Path("/integrations")
    @Authenticated
    public Uni<List<IntegrationView>> list(@QueryParam("projectId") @NotNull UUID projectId) {
        return github.list(caller.principal(), projectId).map(all -> all.stream().map(IntegrationView::of).toList());
    }

    @POST
    @Path("/integrations")
    @Authenticated
    public Uni<Response> create(@Valid @NotNull NewIntegration body) {
        return github.create(caller.principal(), body.projectId(), body.repository(), body.webhookSecret(), body.token())
                .map(i -> Response.created(URI.create("/api/github/integrations/" + i.id)).entity(IntegrationView.of(i)).build());
    }

    public record LinkBody(@NotBlank @Size(max = 500) String url) {
    }

    /** Links a defect to an issue or pull request of the project's repositories by URL. */
    @POST
    @Path("/links/{defectId}")
    @Authenticated
    public Uni<DefectDtos.DefectView> link(@PathParam("defectId") UUID defectId, @Valid @NotNull LinkBody body) {
        return github.link(caller.principal(), defectId, body.url().trim()).map(DefectDtos.DefectView::of);
    }

    /** Opens a GitHub issue for the defect in the project's repository and links it. */
    @POST
    @Path("/issues/{defectId}")
    @Authenticated
    public Uni<Response> openIssue(@PathParam("defectId") UUID defectId) {
        return github.openIssue(caller.principal(), defectId).map(d -> Response.status(201).entity(DefectDtos.DefectView.of(d)).build());
    }

    @POST
    @Path("/webhooks/{integrationId}")
    @PermitAll
    public Uni<DeliveryResult> webhook(@PathParam("integrationId") UUID integrationId, @HeaderParam("X-GitHub-Event") String event,
            @HeaderParam("X-GitHub-Delivery") String delivery, @HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        return github.deliver(integrationId, event, delivery, signature, body == null ? new byte[0] : body).map(DeliveryResult::new);
    }
}
