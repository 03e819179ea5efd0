package io.testtrack.auth.service;

import io.smallrye.mutiny.Uni;

/** Work to do once a transaction has committed, such as sending the mail it issued a token for. */
@FunctionalInterface
interface AfterCommit {

    Uni<Void> run();

    static AfterCommit nothing() {
        return () -> Uni.createFrom().voidItem();
    }
}
