package io.testtrack.auth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.quarkus.vertx.VertxContextSupport;
import io.testtrack.auth.config.AuthConfig;
import io.testtrack.auth.domain.PasswordPolicy;
import io.testtrack.auth.repository.UserRepository;
import io.testtrack.events.GlobalRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * On a first start with no user at all, creates the ADMIN named by TESTTRACK_ADMIN_EMAIL/PASSWORD.
 * It runs beside the rest of the start-up (its first database connection took ~0.1 s of it) and
 * the service reports ready only once it is settled, retrying with back-off if the database
 * fails it.
 */
@Readiness
@ApplicationScoped
public class FirstAdmin implements HealthCheck {

    private final UserRepository users;
    private final AccountService accounts;
    private final PasswordHasher hasher;
    private final AuthConfig config;
    private final io.vertx.mutiny.sqlclient.Pool pool;
    private volatile boolean settled;
    private volatile boolean policyChecked;

    public FirstAdmin(UserRepository users, AccountService accounts, PasswordHasher hasher, AuthConfig config,
            io.vertx.mutiny.sqlclient.Pool pool) {
        this.pool = pool;
        this.users = users;
        this.accounts = accounts;
        this.hasher = hasher;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Uni.createFrom().voidItem()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(this::ensure)
                .onFailure().invoke(failure -> Log.warnf("the first-admin check failed, retrying: %s", failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(ignored -> settled = true);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("First admin").status(settled).build();
    }

    private void ensure() {
        if (!policyChecked) {
            // once, not on every retry of a start that waits for the database
            policyChecked = true;
            PasswordPolicy.violation(config.adminPassword()).ifPresent(problem -> Log.warnf(
                    "TESTTRACK_ADMIN_PASSWORD %s; change the first admin's password after signing in", problem));
        }
        // A plain query first: on every start but the first, Hibernate's session need not be set up here.
        boolean anyUser = pool.query("SELECT EXISTS (SELECT 1 FROM users)").execute()
                .map(rows -> rows.iterator().next().getBoolean(0)).await().atMost(Duration.ofSeconds(30));
        if (anyUser) {
            return;
        }
        try {
            create();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private void create() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> users.count().chain(count -> {
            if (count > 0) {
                return Uni.createFrom().voidItem();
            }
            return hasher.hash(config.adminPassword())
                    .chain(hash -> accounts.createUser(config.adminEmail(), "Administrator", GlobalRole.ADMIN, hash,
                            Caller.anonymous(null, "first start")))
                    .invoke(user -> Log.infof("created the first admin %s", user.email))
                    .replaceWithVoid();
        })));
    }
}
