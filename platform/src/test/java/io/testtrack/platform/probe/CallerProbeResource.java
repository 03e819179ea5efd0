package io.testtrack.platform.probe;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.security.Caller;
import io.testtrack.platform.security.Principal;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.UUID;

/** Test-only: asks the request's {@link Caller} who is calling, the way a resource does around a query. */
@Path("/probe/caller")
@Authenticated
public class CallerProbeResource {

    private final Caller caller;
    private final Pool pool;

    public CallerProbeResource(Caller caller, Pool pool) {
        this.caller = caller;
        this.pool = pool;
    }

    /** Whether the caller is a user or an API token, its actor id, and whether it is still the same one after a query. */
    public record Seen(String kind, UUID actorId, boolean sameAfterAQuery) {
    }

    @GET
    public Uni<Seen> seen() {
        Principal first = caller.principal();
        return pool.query("SELECT 1").execute()
                .map(rows -> new Seen(first instanceof Principal.User ? "user" : "api-token", caller.actorId(),
                        caller.principal() == first));
    }

    public record Me(UUID userId) {
    }

    @GET
    @Path("/user")
    public Me user() {
        return new Me(caller.user("Only people may ask this.").userId());
    }
}
