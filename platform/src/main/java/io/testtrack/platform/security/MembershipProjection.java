package io.testtrack.platform.security;

import static io.testtrack.platform.persistence.NativeStatements.execute;

import io.smallrye.mutiny.Uni;
import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.access.MemberAdded;
import io.testtrack.events.access.MemberRemoved;
import io.testtrack.events.access.MemberRoleChanged;
import io.testtrack.events.access.ProjectArchived;
import io.testtrack.events.access.ProjectCreated;
import io.testtrack.events.access.UserDeactivated;
import io.testtrack.events.access.UserReactivated;
import io.testtrack.events.access.UserRegistered;
import io.testtrack.events.access.UserRoleChanged;
import io.testtrack.platform.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps this service's copy of users, projects and memberships from auth-service's access
 * events, through the inbox. Every statement is an upsert or delete keyed by id, so applying
 * the events of one aggregate in order gives the same rows whatever else interleaves.
 */
@ApplicationScoped
public class MembershipProjection {

    public static final String CHANNEL = "access-events";
    private static final String CONSUMER = "membership-projection";

    private final EventConsumer events;

    public MembershipProjection(EventConsumer events) {
        this.events = events;
    }

    /**
     * A poll at a time, in one transaction: a service catching up on the access history is quick.
     * An event that cannot be applied stops the projection rather than being parked: a member
     * removed or a user deactivated must never be passed by, or access would outlive them.
     */
    @Incoming(CHANNEL)
    public Uni<Void> onAccessEvents(ConsumerRecords<String, String> records) {
        return events.applyPoll(CONSUMER, records, EventConsumer.OnBadEvent.STOP, this::apply);
    }

    private Uni<Void> apply(EventEnvelope envelope) {
        DomainEvent event = EventCodec.payload(envelope).orElse(null);
        if (event instanceof UserRegistered e) {
            return execute("INSERT INTO access_users (user_id, email, global_role) VALUES (:user, :email, :role) "
                    + "ON CONFLICT (user_id) DO UPDATE SET email = :email, global_role = :role, updated_at = now()",
                    Map.of("user", e.userId(), "email", e.email(), "role", e.role().name()));
        }
        if (event instanceof UserRoleChanged e) {
            return execute("INSERT INTO access_users (user_id, global_role) VALUES (:user, :role) "
                    + "ON CONFLICT (user_id) DO UPDATE SET global_role = :role, updated_at = now()",
                    Map.of("user", e.userId(), "role", e.role().name()));
        }
        if (event instanceof UserDeactivated e) {
            return setActive(e.userId(), false);
        }
        if (event instanceof UserReactivated e) {
            return setActive(e.userId(), true);
        }
        if (event instanceof ProjectCreated e) {
            return execute("INSERT INTO access_projects (project_id, key, name) VALUES (:project, :key, :name) "
                    + "ON CONFLICT (project_id) DO UPDATE SET key = :key, name = :name, updated_at = now()",
                    Map.of("project", e.projectId(), "key", e.key(), "name", e.name()));
        }
        if (event instanceof ProjectArchived e) {
            return execute("UPDATE access_projects SET archived = true, updated_at = now() WHERE project_id = :project",
                    Map.of("project", e.projectId()));
        }
        if (event instanceof MemberAdded e) {
            return upsertMember(e.projectId(), e.userId(), e.role().name());
        }
        if (event instanceof MemberRoleChanged e) {
            return upsertMember(e.projectId(), e.userId(), e.role().name());
        }
        if (event instanceof MemberRemoved e) {
            return execute("DELETE FROM access_members WHERE project_id = :project AND user_id = :user",
                    Map.of("project", e.projectId(), "user", e.userId()));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> setActive(UUID userId, boolean active) {
        return execute("INSERT INTO access_users (user_id, active) VALUES (:user, :active) "
                + "ON CONFLICT (user_id) DO UPDATE SET active = :active, updated_at = now()",
                Map.of("user", userId, "active", active));
    }

    private Uni<Void> upsertMember(UUID projectId, UUID userId, String role) {
        return execute("INSERT INTO access_members (project_id, user_id, role) VALUES (:project, :user, :role) "
                + "ON CONFLICT (project_id, user_id) DO UPDATE SET role = :role, updated_at = now()",
                Map.of("project", projectId, "user", userId, "role", role));
    }
}
