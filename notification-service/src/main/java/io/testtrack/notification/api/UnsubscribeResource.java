package io.testtrack.notification.api;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.testtrack.notification.domain.UnsubscribeLinks;
import io.testtrack.notification.service.MailConfig;
import io.testtrack.platform.error.InvalidRequestException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;

/**
 * The link at the foot of every mail, which works without signing in: its signature names the
 * user and the event type ({@code ALL}: every type). Opening it shows a confirmation page whose
 * button (or a mail client's one-click unsubscribe) POSTs to the same address; a GET alone
 * changes nothing, so a link scanner cannot unsubscribe anyone.
 */
@Path("/api/notifications/unsubscribe")
public class UnsubscribeResource {

    private final Pool pool;
    private final UnsubscribeLinks links;
    private final Template page;

    public UnsubscribeResource(Pool pool, MailConfig config, @Location("mail/unsubscribe.html") Template page) {
        this.pool = pool;
        this.links = new UnsubscribeLinks(config.linkSecret());
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String confirm(@QueryParam("user") String user, @QueryParam("type") String type, @QueryParam("sig") String sig) {
        checked(user, type, sig);
        return page.data(Map.of("type", type, "done", false, "user", user, "sig", sig)).render();
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> unsubscribe(@QueryParam("user") String user, @QueryParam("type") String type, @QueryParam("sig") String sig) {
        UUID userId = checked(user, type, sig);
        return pool.preparedQuery("INSERT INTO preferences (user_id, event_type, in_app, email, all_projects) VALUES ($1, $2, true, 'NONE', false) "
                        + "ON CONFLICT (user_id, event_type) DO UPDATE SET email = 'NONE'")
                .execute(Tuple.of(userId, type))
                .map(rows -> page.data(Map.of("type", type, "done", true, "user", user, "sig", sig)).render());
    }

    private UUID checked(String user, String type, String sig) {
        UUID userId;
        try {
            userId = UUID.fromString(user);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("This unsubscribe link is incomplete or altered.");
        }
        if (type == null || !type.matches("[A-Z][A-Za-z]{2,63}") || !links.verify(userId, type, sig)) {
            throw new InvalidRequestException("This unsubscribe link is incomplete or altered.");
        }
        return userId;
    }
}
