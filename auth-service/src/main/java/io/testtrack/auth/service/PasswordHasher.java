package io.testtrack.auth.service;

import io.smallrye.mutiny.Uni;
import io.testtrack.auth.config.AuthConfig;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Argon2id at the OWASP minimum (19 MiB, 2 iterations, 1 lane) through Spring Security's crypto
 * module on Bouncy Castle: about 30 ms a hash here, against 200 ms for bcrypt at cost 12, which
 * keeps logins under load fast while staying memory-hard. bcrypt hashes from before still verify.
 *
 * <p>Hashing runs on its own worker pool, one thread per core: each hash holds 19 MiB, so an
 * unbounded burst of logins could otherwise exhaust the heap, and more threads than cores only
 * queue in the CPU instead of here.
 */
@ApplicationScoped
public class PasswordHasher {

    private final Argon2PasswordEncoder argon2;
    private final BCryptPasswordEncoder legacyBcrypt = new BCryptPasswordEncoder();
    private final WorkerExecutor workers;
    /** Checked against when the account does not exist, so that the answer takes as long; made on first use. */
    private volatile String decoy;

    public PasswordHasher(AuthConfig config, Vertx vertx) {
        AuthConfig.Hashing hashing = config.hashing();
        this.argon2 = new Argon2PasswordEncoder(16, 32, hashing.parallelism(), hashing.memoryKib(), hashing.iterations());
        this.workers = vertx.createSharedWorkerExecutor("password-hashing", hashing.concurrency().orElse(
                Runtime.getRuntime().availableProcessors()));
    }

    @PreDestroy
    void close() {
        workers.close();
    }

    public Uni<String> hash(String password) {
        return onWorkers(() -> argon2.encode(password));
    }

    /** Whether the password matches; with a null hash it still spends the time of a check. */
    public Uni<Boolean> matches(String password, String hash) {
        return onWorkers(() -> {
            if (hash == null) {
                argon2.matches(password, decoy());
                return false;
            }
            return hash.startsWith("$2") ? legacyBcrypt.matches(password, hash) : argon2.matches(password, hash);
        });
    }

    /** Whether a stored hash predates Argon2id and should be replaced at the next successful login. */
    public boolean outdated(String hash) {
        return hash != null && hash.startsWith("$2");
    }

    private String decoy() {
        if (decoy == null) {
            decoy = argon2.encode("decoy-password-for-timing");
        }
        return decoy;
    }

    /** Runs on the hashing pool and resumes on the caller's Vert.x context (Hibernate Reactive needs that). */
    private <T> Uni<T> onWorkers(Callable<T> work) {
        return Uni.createFrom().emitter(emitter -> workers.<T>executeBlocking(work, false).onComplete(result -> {
            if (result.succeeded()) {
                emitter.complete(result.result());
            } else {
                emitter.fail(result.cause());
            }
        }));
    }
}
