package io.testtrack.notification.service;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.notification.domain.UnsubscribeLinks;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends the queued mails: the immediate ones every few seconds, the digest once a day. Rows are
 * claimed (marked sent) in the transaction that reads them, with {@code SKIP LOCKED}, so several
 * instances share the work and never send a row twice; a mail whose sending then fails is logged
 * and not retried (at most one mail per event and user). The digest runs on one instance per
 * cluster: the one that takes a PostgreSQL advisory lock.
 */
@ApplicationScoped
public class MailSender {

    /** Sent for each queued row: the user's address, what happened, the type (for its own unsubscribe link). */
    private record Queued(UUID userId, String email, String eventType, String title) {
    }

    private final Pool pool;
    private final ReactiveMailer mailer;
    private final MailConfig config;
    private final UnsubscribeLinks links;
    private final Template immediateHtml;
    private final Template immediateText;
    private final Template digestHtml;
    private final Template digestText;

    public MailSender(Pool pool, ReactiveMailer mailer, MailConfig config,
            @Location("mail/immediate.html") Template immediateHtml, @Location("mail/immediate.txt") Template immediateText,
            @Location("mail/digest.html") Template digestHtml, @Location("mail/digest.txt") Template digestText) {
        this.pool = pool;
        this.mailer = mailer;
        this.config = config;
        this.links = new UnsubscribeLinks(config.linkSecret());
        this.immediateHtml = immediateHtml;
        this.immediateText = immediateText;
        this.digestHtml = digestHtml;
        this.digestText = digestText;
    }

    @Scheduled(identity = "immediate-mails", every = "{notification.mail.immediate-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> sendImmediate() {
        return claim("IMMEDIATE", config.batch()).chain(rows -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(this::sendOne)
                .collect().last().replaceWithVoid());
    }

    @Scheduled(identity = "daily-digest", cron = "{notification.mail.digest-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> sendDigest() {
        return pool.withTransaction(connection -> connection
                        .query("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.mail-digest'))").execute()
                        .chain(locked -> locked.iterator().next().getBoolean(0)
                                ? claimIn(connection, "DIGEST", Integer.MAX_VALUE)
                                : Uni.createFrom().item(List.<Queued>of())))
                .chain(rows -> {
                    Map<UUID, List<Queued>> byUser = new LinkedHashMap<>();
                    rows.forEach(row -> byUser.computeIfAbsent(row.userId(), u -> new ArrayList<>()).add(row));
                    return Multi.createFrom().iterable(byUser.values())
                            .onItem().transformToUniAndConcatenate(this::sendDigestTo)
                            .collect().last().replaceWithVoid();
                });
    }

    private Uni<List<Queued>> claim(String kind, int limit) {
        return pool.withTransaction(connection -> claimIn(connection, kind, limit));
    }

    private static Uni<List<Queued>> claimIn(io.vertx.mutiny.sqlclient.SqlConnection connection, String kind, int limit) {
        return connection.preparedQuery("WITH claimed AS (SELECT user_id, event_id FROM mail_queue WHERE kind = $1 AND sent_at IS NULL "
                        + "ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
                        + "UPDATE mail_queue q SET sent_at = now() FROM claimed c WHERE q.user_id = c.user_id AND q.event_id = c.event_id "
                        + "RETURNING q.user_id, q.event_type, q.title, q.created_at, "
                        + "(SELECT email FROM access_users u WHERE u.user_id = q.user_id) AS email")
                .execute(Tuple.of(kind, limit))
                .map(rows -> {
                    List<Row> sorted = new ArrayList<>();
                    rows.forEach(sorted::add);
                    sorted.sort(java.util.Comparator.comparing(row -> row.getOffsetDateTime("created_at")));
                    List<Queued> queued = new ArrayList<>();
                    for (Row row : sorted) {
                        if (row.getString("email") != null) {
                            queued.add(new Queued(row.getUUID("user_id"), row.getString("email"), row.getString("event_type"),
                                    row.getString("title")));
                        }
                    }
                    return queued;
                });
    }

    private Uni<Void> sendOne(Queued row) {
        String allUrl = unsubscribeUrl(row.userId(), UnsubscribeLinks.ALL);
        Map<String, Object> data = Map.of("title", row.title(), "openUrl", config.publicUrl(),
                "unsubscribeTypeUrl", unsubscribeUrl(row.userId(), row.eventType()), "unsubscribeAllUrl", allUrl);
        Mail mail = Mail.withHtml(row.email(), "[TestTrack] " + row.title(), immediateHtml.data(data).render())
                .setText(immediateText.data(data).render())
                .addHeader("List-Unsubscribe", "<" + allUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return send(mail);
    }

    private Uni<Void> sendDigestTo(List<Queued> rows) {
        Queued first = rows.get(0);
        String allUrl = unsubscribeUrl(first.userId(), UnsubscribeLinks.ALL);
        Map<String, Object> data = Map.of("items", rows.stream().map(Queued::title).toList(), "openUrl", config.publicUrl(),
                "unsubscribeAllUrl", allUrl);
        Mail mail = Mail.withHtml(first.email(), "[TestTrack] Your daily digest: " + rows.size() + " update" + (rows.size() == 1 ? "" : "s"),
                        digestHtml.data(data).render())
                .setText(digestText.data(data).render())
                .addHeader("List-Unsubscribe", "<" + allUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return send(mail);
    }

    private Uni<Void> send(Mail mail) {
        return mailer.send(mail).onFailure().recoverWithItem(failure -> {
            Log.warnf("a mail to %s was not sent and will not be retried: %s", mail.getTo(), failure.toString());
            return null;
        });
    }

    String unsubscribeUrl(UUID userId, String eventType) {
        return config.publicUrl() + "/api/notifications/unsubscribe?user=" + userId + "&type="
                + URLEncoder.encode(eventType, StandardCharsets.UTF_8) + "&sig=" + links.sign(userId, eventType);
    }
}
