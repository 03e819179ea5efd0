package io.testtrack.auth.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** bcrypt through Quarkus' Elytron utility, always on a worker thread (a hash takes ~0.3 s at cost 12). */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    /** Checked against when the account does not exist, so that the answer takes as long; made on first use. */
    private volatile String decoy;

    public PasswordHasher(AuthConfig config) {
        this.cost = config.bcryptCost();
    }

    public Uni<String> hash(String password) {
        return VertxContextSupport.executeBlocking(() -> BcryptUtil.bcryptHash(password, cost));
    }

    /** Whether the password matches; with a null hash it still spends the time of a check. */
    public Uni<Boolean> matches(String password, String hash) {
        return VertxContextSupport.executeBlocking(() -> {
            boolean matches = BcryptUtil.matches(password, hash == null ? decoy() : hash);
            return hash != null && matches;
        });
    }

    private String decoy() {
        if (decoy == null) {
            decoy = BcryptUtil.bcryptHash("decoy-password-for-timing", cost);
        }
        return decoy;
    }
}
