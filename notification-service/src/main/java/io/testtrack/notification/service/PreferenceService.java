package io.testtrack.notification.service;

import io.smallrye.mutiny.Uni;
import io.testtrack.notification.domain.Preference;
import io.testtrack.platform.security.Principal;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's choices per event type: in-app or not, e-mail now, in the daily digest or not at all,
 * and whether every event of the type in the user's projects counts. A type without a choice
 * counts as in-app, e-mail now, own events only.
 */
@ApplicationScoped
public class PreferenceService {

    private final Pool pool;

    public PreferenceService(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Preference>> list(Principal.User user) {
        return pool.preparedQuery("SELECT event_type, in_app, email, all_projects FROM preferences WHERE user_id = $1 ORDER BY event_type")
                .execute(Tuple.of(user.userId()))
                .map(rows -> {
                    List<Preference> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new Preference(row.getString("event_type"), row.getBoolean("in_app"),
                            Preference.Email.valueOf(row.getString("email")), row.getBoolean("all_projects"))));
                    return list;
                });
    }

    /** Sets the given types' choices in one transaction; other types keep theirs. */
    public Uni<List<Preference>> put(Principal.User user, List<Preference> preferences) {
        List<Tuple> batch = preferences.stream().map(p -> Tuple.of(user.userId(), p.eventType(), p.inApp(), p.email().name(),
                p.allProjects())).toList();
        Uni<Void> written = batch.isEmpty() ? Uni.createFrom().voidItem() : pool.withTransaction(connection -> connection
                .preparedQuery("INSERT INTO preferences (user_id, event_type, in_app, email, all_projects) VALUES ($1, $2, $3, $4, $5) "
                        + "ON CONFLICT (user_id, event_type) DO UPDATE SET in_app = $3, email = $4, all_projects = $5")
                .executeBatch(batch)).replaceWithVoid();
        return written.chain(() -> list(user));
    }
}
