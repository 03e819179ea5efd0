package io.testtrack.auth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.testtrack.auth.config.AuthConfig;
import io.testtrack.auth.domain.PasswordPolicy;
import io.testtrack.auth.repository.UserRepository;
import io.testtrack.events.GlobalRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** On a first start with no user at all, creates the ADMIN named by TESTTRACK_ADMIN_EMAIL/PASSWORD. */
@ApplicationScoped
public class FirstAdmin {

    private final UserRepository users;
    private final AccountService accounts;
    private final PasswordHasher hasher;
    private final AuthConfig config;
    private final io.vertx.mutiny.sqlclient.Pool pool;

    public FirstAdmin(UserRepository users, AccountService accounts, PasswordHasher hasher, AuthConfig config,
            io.vertx.mutiny.sqlclient.Pool pool) {
        this.pool = pool;
        this.users = users;
        this.accounts = accounts;
        this.hasher = hasher;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        PasswordPolicy.violation(config.adminPassword()).ifPresent(problem -> Log.warnf(
                "TESTTRACK_ADMIN_PASSWORD %s; change the first admin's password after signing in", problem));
        // A plain query first: on every start but the first, Hibernate's session need not be set up here.
        boolean anyUser = pool.query("SELECT EXISTS (SELECT 1 FROM users)").execute()
                .map(rows -> rows.iterator().next().getBoolean(0)).await().atMost(java.time.Duration.ofSeconds(30));
        if (anyUser) {
            return;
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> users.count().chain(count -> {
            if (count > 0) {
                return io.smallrye.mutiny.Uni.createFrom().voidItem();
            }
            return hasher.hash(config.adminPassword())
                    .chain(hash -> accounts.createUser(config.adminEmail(), "Administrator", GlobalRole.ADMIN, hash,
                            Caller.anonymous(null, "first start")))
                    .invoke(user -> Log.infof("created the first admin %s", user.email))
                    .replaceWithVoid();
        })));
    }
}
