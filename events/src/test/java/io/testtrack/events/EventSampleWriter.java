package io.testtrack.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes the stored JSON sample of every event that has none yet, never overwriting one: run it
 * once when an event is added, from the events module, with the test class path, for example
 * {@code mvn -pl events test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.testtrack.events.EventSampleWriter}. The samples are the guard
 * {@link EventCodecTest} reads; a changed sample would defeat it.
 */
public final class EventSampleWriter {

    private static final Path DIR = Path.of("src/test/resources/event-samples/v1");

    private EventSampleWriter() {
    }

    public static void main(String[] args) throws IOException {
        Instant time = Instant.parse("2026-11-20T10:15:30.123Z");
        for (var entry : EventFixtures.all().entrySet()) {
            EventEnvelope envelope = EventCodec.envelope(entry.getValue(), "/testtrack/sample", time, "sample-request");
            EventEnvelope fixed = new EventEnvelope(envelope.specversion(), "sample-" + entry.getKey().getSimpleName(),
                    envelope.source(), envelope.type(), envelope.time(), envelope.subject(), envelope.datacontenttype(),
                    envelope.dataversion(), envelope.correlationid(), envelope.data());
            Path file = DIR.resolve(envelope.type() + ".json");
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(fixed) + "\n");
                System.out.println("wrote " + file);
            }
        }
    }
}
