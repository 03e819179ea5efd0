package io.testtrack.platform.testing;

import io.testtrack.events.DomainEvent;
import io.testtrack.events.EventCatalog;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts events on the real broker exactly as another service's outbox relay would. */
public final class TestPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String source;

    public TestPublisher(String source) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        this.source = source;
    }

    /** Publishes and waits for the acknowledgement; answers the envelope (to publish it again, say). */
    public EventEnvelope publish(DomainEvent event) {
        EventEnvelope envelope = EventCodec.envelope(event, source, Instant.now(), "test-" + event.getClass().getSimpleName());
        publish(envelope);
        return envelope;
    }

    public void publish(EventEnvelope envelope) {
        ProducerRecord<String, String> record = new ProducerRecord<>(BrokerTopics.onBroker(
                EventCatalog.byType(envelope.type()).map(type -> EventCatalog.describe(type).topic()).orElseThrow()),
                envelope.subject(), EventCodec.write(envelope));
        record.headers().add("ce_id", envelope.id().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", envelope.type().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + envelope.type(), e);
        }
    }

    /**
     * Publishes many events as fast as the producer takes them, all under {@code key} (so all on
     * one partition, in order) and waits for them all: a backlog that consumers then find in full
     * polls, as after a restart behind a busy upstream.
     */
    public void publishBurst(List<? extends DomainEvent> events, String key) {
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (DomainEvent event : events) {
            EventEnvelope envelope = EventCodec.envelope(event, source, Instant.now(), "test-burst");
            ProducerRecord<String, String> record = new ProducerRecord<>(BrokerTopics.onBroker(
                    EventCatalog.describe(event.getClass()).topic()), key, EventCodec.write(envelope));
            record.headers().add("ce_id", envelope.id().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", envelope.type().getBytes(StandardCharsets.UTF_8));
            sent.add(producer.send(record));
        }
        producer.flush();
        try {
            for (java.util.concurrent.Future<?> one : sent) {
                one.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a burst of " + events.size() + " events", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
