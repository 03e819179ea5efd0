package io.testtrack.defect.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The part of GitHub's REST API this service calls (base URL: {@code quarkus.rest-client.github.url}). */
@RegisterRestClient(configKey = "github")
public interface GithubApi {

    record NewIssue(String title, String body, List<String> labels) {
    }

    record Issue(long number, String html_url) {
    }

    @POST
    @Path("/repos/{owner}/{repo}/issues")
    Uni<Issue> createIssue(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @HeaderParam("Authorization") String authorization, @HeaderParam("Accept") String accept, NewIssue issue);
}
