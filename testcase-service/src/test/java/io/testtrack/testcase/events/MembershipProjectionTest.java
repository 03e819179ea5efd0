package io.testtrack.testcase.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.testtrack.events.EventEnvelope;
import io.testtrack.events.GlobalRole;
import io.testtrack.events.ProjectRole;
import io.testtrack.events.access.MemberAdded;
import io.testtrack.events.access.MemberRemoved;
import io.testtrack.events.access.MemberRoleChanged;
import io.testtrack.events.access.ProjectCreated;
import io.testtrack.events.access.UserDeactivated;
import io.testtrack.events.access.UserRegistered;
import io.testtrack.platform.error.AccessDeniedException;
import io.testtrack.platform.error.AuthenticationRequiredException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.testtrack.platform.testing.TestPublisher;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** testcase-service learns who may see which project from auth-service's events on the real broker. */
@QuarkusTest
class MembershipProjectionTest {

    @Inject
    ProjectAccess access;

    @Inject
    Pool pool;

    @Test
    void accessFollowsTheAccessEvents() {
        UUID project = UUID.randomUUID();
        UUID tester = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        Principal.User asTester = new Principal.User(tester, "t@example.com", GlobalRole.TESTER);
        try (TestPublisher auth = new TestPublisher("/testtrack/auth-service")) {
            auth.publish(new UserRegistered(tester, "t@example.com", "T", GlobalRole.TESTER));
            auth.publish(new ProjectCreated(project, "PRJ", "Project", lead));
            auth.publish(new MemberAdded(project, lead, ProjectRole.LEAD, lead));
            auth.publish(new MemberAdded(project, tester, ProjectRole.VIEWER, lead));

            eventually(() -> require(asTester, project, Permission.READ));
            assertThrows(AccessDeniedException.class, () -> require(asTester, project, Permission.WRITE_CASES));
            assertThrows(ResourceNotFoundException.class, () -> require(asTester, UUID.randomUUID(), Permission.READ));

            auth.publish(new MemberRoleChanged(project, tester, ProjectRole.VIEWER, ProjectRole.TESTER, lead));
            eventually(() -> require(asTester, project, Permission.WRITE_CASES));

            auth.publish(new MemberRemoved(project, tester, lead));
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThrows(ResourceNotFoundException.class, () -> require(asTester, project, Permission.READ)));

            auth.publish(new MemberAdded(project, tester, ProjectRole.TESTER, lead));
            eventually(() -> require(asTester, project, Permission.READ));
            auth.publish(new UserDeactivated(tester, lead));
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThrows(AuthenticationRequiredException.class, () -> require(asTester, project, Permission.READ)));
        }
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        UUID project = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        try (TestPublisher auth = new TestPublisher("/testtrack/auth-service")) {
            auth.publish(new ProjectCreated(project, "DUP", "Duplicates", lead));
            EventEnvelope added = auth.publish(new MemberAdded(project, member, ProjectRole.DEVELOPER, lead));
            eventually(() -> require(new Principal.User(member, "m@example.com", GlobalRole.DEVELOPER), project, Permission.READ));
            // The member's role changes, then the old MemberAdded arrives again: it must not undo the change.
            auth.publish(new MemberRoleChanged(project, member, ProjectRole.DEVELOPER, ProjectRole.LEAD, lead));
            eventually(() -> require(new Principal.User(member, "m@example.com", GlobalRole.DEVELOPER), project,
                    Permission.MANAGE));
            auth.publish(added);
            auth.publish(new MemberAdded(project, UUID.randomUUID(), ProjectRole.VIEWER, lead));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(
                    "SELECT count(*) FROM access_members WHERE project_id = $1", project) == 2);
            assertEquals("LEAD", role(project, member));
            assertEquals(1L, count("SELECT count(*) FROM inbox WHERE event_id = $1", added.id()));
        }
    }

    private ProjectRole require(Principal principal, UUID project, Permission permission) {
        return access.require(principal, project, permission).await().atMost(Duration.ofSeconds(5));
    }

    private static void eventually(Callable<?> check) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> check.call() != null);
    }

    private long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }

    private String role(UUID project, UUID user) {
        return pool.preparedQuery("SELECT role FROM access_members WHERE project_id = $1 AND user_id = $2")
                .execute(Tuple.of(project, user)).await().atMost(Duration.ofSeconds(5)).iterator().next().getString(0);
    }
}
