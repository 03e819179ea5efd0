package io.testtrack.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.testtrack.platform.config.PlatformConfig;
import io.testtrack.platform.persistence.DedicatedConnections;
import io.testtrack.platform.correlation.CorrelationId;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes committed outbox rows to Kafka in id order and marks them sent.
 *
 * <p>Each batch runs in one transaction that first takes a transaction-scoped advisory lock on
 * the service's outbox: with several replicas only one relays at a time, so rows go out once and
 * in order (per aggregate, ids follow commit order because a change to an aggregate locks its
 * row). If the relay dies after Kafka acknowledged a batch but before the transaction commits, the
 * rows are published again; consumers drop the duplicates through their inbox.
 *
 * <p>The relay wakes on the {@code <schema>_outbox} NOTIFY that the outbox trigger sends at
 * commit, and polls as a fallback.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox-relay'))";
    private static final String NEXT_BATCH = "SELECT id, topic, message_key, event_id, event_type, payload, correlation_id "
            + "FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1";
    private static final String MARK_SENT = "UPDATE outbox SET published_at = now() WHERE id = ANY($1)";
    private static final String PURGE = "DELETE FROM outbox WHERE published_at < now() - make_interval(secs => $1)";

    private final Vertx vertx;
    private final PlatformConfig config;
    private final Map<String, Object> kafkaConfig;
    private final RelayCheckpoint checkpoint;
    private final Counter published;
    private final DedicatedConnections connections;
    /** Put before every row's topic on the broker (the tests': {@code test.}). */
    private final String topicPrefix;

    private volatile boolean running;
    /** Wake-ups: one drain at a time, and while it runs the latest wake-up waits, the rest are dropped. */
    private MultiEmitter<? super Boolean> wakeUps;
    private Cancellable draining;
    private Pool pool;
    private KafkaProducer<String, String> producer;
    private PgSubscriber subscriber;
    private long pollTimer = -1;
    private long purgeTimer = -1;

    public OutboxRelay(Vertx vertx, PlatformConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, RelayCheckpoint checkpoint,
            MeterRegistry registry, DedicatedConnections connections) {
        this.vertx = vertx;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.checkpoint = checkpoint;
        this.published = Counter.builder("testtrack.outbox.published")
                .description("Outbox events published to Kafka").register(registry);
        this.connections = connections;
        this.topicPrefix = config.kafka().topicPrefix().orElse("");
    }

    void onStart(@Observes StartupEvent event) {
        if (config.outbox().relayEnabled()) {
            // Off the start-up path: creating the producer and connections must not delay readiness.
            Infrastructure.getDefaultWorkerPool().execute(this::start);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts relaying: LISTEN for commits, poll as a fallback, purge old published rows. */
    public synchronized void start() {
        if (running) {
            return;
        }
        // Its own connections: under a write load that saturates the application's pool the
        // relay must still get through, or publishing lags behind every commit.
        pool = connections.pool(config.service() + "-outbox-relay", 2);
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        draining = Multi.createFrom().<Boolean>emitter(emitter -> wakeUps = emitter, BackPressureStrategy.LATEST)
                .onItem().transformToUniAndConcatenate(ignored -> drain().onFailure().recoverWithItem(failure -> {
                    Log.warnf("outbox relay batch failed, will retry: %s", failure.getMessage());
                    return 0L;
                }))
                .subscribe().with(ignored -> { });
        // after the stream: the volatile write publishes its emitter to the threads that wake it
        running = true;
        subscriber = connections.subscriber("outbox-listen");
        subscriber.channel(config.schema() + "_outbox").handler(ignored -> wake());
        subscriber.connect().onFailure(e -> Log.warnf("outbox LISTEN failed, relying on polling: %s", e.getMessage()));
        pollTimer = vertx.setPeriodic(config.outbox().pollInterval().toMillis(), id -> wake());
        purgeTimer = vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), id -> purge());
        Log.infof("outbox relay started for schema %s", config.schema());
        wake();
    }

    /** Stops relaying; rows recorded meanwhile wait in the table for the next start. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        draining.cancel();
        vertx.cancelTimer(pollTimer);
        vertx.cancelTimer(purgeTimer);
        subscriber.close();
        producer.close(Duration.ofSeconds(5));
        pool.close().subscribe().with(ignored -> { }, failure -> Log.debugf("relay pool close: %s", failure.getMessage()));
        Log.info("outbox relay stopped");
    }

    /** Asks for a drain; coalesces with one already running. */
    public void wake() {
        if (running) {
            wakeUps.emit(Boolean.TRUE);
        }
    }

    /** Publishes batches until the outbox has no unpublished row (or another replica holds the lock). */
    public Uni<Long> drain() {
        int batchSize = config.outbox().batchSize();
        return Multi.createBy().repeating().uni(this::relayBatch).whilst(n -> n == batchSize)
                .collect().with(java.util.stream.Collectors.summingLong(Integer::longValue));
    }

    private Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection.query(LOCK).execute()
                .map(rows -> rows.iterator().next().getBoolean(0))
                .chain(locked -> locked ? publishBatch(connection) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishBatch(SqlConnection connection) {
        return connection.preparedQuery(NEXT_BATCH).execute(Tuple.of(config.outbox().batchSize()))
                .chain(rows -> {
                    List<Row> batch = new ArrayList<>(rows.size());
                    rows.forEach(batch::add);
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Long[] ids = batch.stream().map(row -> row.getLong("id")).toArray(Long[]::new);
                    return send(batch)
                            .invoke(() -> checkpoint.published(List.of(ids)))
                            .chain(() -> connection.preparedQuery(MARK_SENT).execute(Tuple.of(ids)))
                            .invoke(() -> published.increment(batch.size()))
                            .replaceWith(batch.size());
                });
    }

    /** Hands the batch to the producer in id order and completes when Kafka acknowledged all of it. */
    private Uni<Void> send(List<Row> batch) {
        return Uni.createFrom().completionStage(() -> {
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (Row row : batch) {
                acks.add(sendOne(row));
            }
            return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private CompletableFuture<Void> sendOne(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topicPrefix + row.getString("topic"), row.getString("message_key"),
                row.getString("payload"));
        record.headers().add(new RecordHeader("ce_id", bytes(row.getUUID("event_id").toString())));
        record.headers().add(new RecordHeader("ce_type", bytes(row.getString("event_type"))));
        record.headers().add(new RecordHeader("content-type", bytes("application/cloudevents+json")));
        String correlationId = row.getString("correlation_id");
        if (correlationId != null) {
            record.headers().add(new RecordHeader(CorrelationId.HEADER, bytes(correlationId)));
        }
        CompletableFuture<Void> ack = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                ack.complete(null);
            } else {
                ack.completeExceptionally(error);
            }
        });
        return ack;
    }

    private void purge() {
        pool.preparedQuery(PURGE).execute(Tuple.of((double) config.outbox().retention().toSeconds()))
                .subscribe().with(
                        rows -> Log.debugf("purged %d published outbox rows", rows.rowCount()),
                        failure -> Log.warnf("outbox purge failed: %s", failure.getMessage()));
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, config.service() + "-outbox-relay");
        return settings;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
