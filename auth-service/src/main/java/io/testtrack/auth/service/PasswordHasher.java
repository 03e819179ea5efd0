package io.testtrack.auth.service;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import io.smallrye.mutiny.Uni;
import io.testtrack.auth.config.AuthConfig;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Argon2id at the OWASP minimum (19 MiB, 2 iterations, 1 lane) through argon2-jvm, the reference
 * C implementation over JNA: about 17 ms a hash here, and its 19 MiB live outside the Java heap.
 * Bouncy Castle's Java Argon2 took about 30 ms and allocated the 19 MiB as twenty thousand heap
 * objects a hash, so ten concurrent logins spent a quarter of their time in full collections
 * (docs/benchmarks.md). Hashes are standard PHC strings, so those made by the earlier encoder
 * verify; bcrypt hashes from before that still verify too, and both are re-hashed at the next
 * successful login, as is any Argon2 hash with other parameters than the configured ones.
 *
 * <p>Hashing runs on its own worker pool, one thread per core: each hash holds 19 MiB, so an
 * unbounded burst of logins could otherwise exhaust memory, and more threads than cores only
 * queue in the CPU instead of here.
 */
@ApplicationScoped
public class PasswordHasher {

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);
    private final AuthConfig.Hashing cost;
    private final WorkerExecutor workers;
    /** Checked against when the account does not exist, so that the answer takes as long; made on first use. */
    private volatile String decoy;

    public PasswordHasher(AuthConfig config, Vertx vertx) {
        this.cost = config.hashing();
        this.workers = vertx.createSharedWorkerExecutor("password-hashing", cost.concurrency().orElse(
                Runtime.getRuntime().availableProcessors()));
    }

    @PreDestroy
    void close() {
        workers.close();
    }

    public Uni<String> hash(String password) {
        return onWorkers(() -> encode(password));
    }

    /** Whether the password matches; with a null hash it still spends the time of a check. */
    public Uni<Boolean> matches(String password, String hash) {
        return onWorkers(() -> {
            if (hash == null) {
                verify(decoy(), password);
                return false;
            }
            return hash.startsWith("$2") ? OpenBSDBCrypt.checkPassword(hash, password.toCharArray()) : verify(hash, password);
        });
    }

    /** Whether a stored hash is bcrypt or Argon2 at other parameters, to be replaced at the next successful login. */
    public boolean outdated(String hash) {
        return hash != null && (!hash.startsWith("$argon2id$")
                || argon2.needsRehash(hash, cost.iterations(), cost.memoryKib(), cost.parallelism()));
    }

    private String encode(String password) {
        char[] chars = password.toCharArray();
        try {
            return argon2.hash(cost.iterations(), cost.memoryKib(), cost.parallelism(), chars, StandardCharsets.UTF_8);
        } finally {
            argon2.wipeArray(chars);
        }
    }

    private boolean verify(String hash, String password) {
        char[] chars = password.toCharArray();
        try {
            return argon2.verify(hash, chars, StandardCharsets.UTF_8);
        } finally {
            argon2.wipeArray(chars);
        }
    }

    private String decoy() {
        if (decoy == null) {
            decoy = encode("decoy-password-for-timing");
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
