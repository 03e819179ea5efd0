package io.testtrack.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private static final Instant TIME = Instant.parse("2026-11-20T10:15:30.123Z");

    static Stream<Class<? extends DomainEvent>> eventTypes() {
        return EventCatalog.ALL.stream();
    }

    @Test
    void everyCatalogedEventHasAFixtureAndAUniqueType() {
        assertEquals(Set.copyOf(EventCatalog.ALL), EventFixtures.all().keySet());
        Set<String> types = new HashSet<>();
        for (Class<? extends DomainEvent> type : EventCatalog.ALL) {
            assertTrue(types.add(EventCatalog.describe(type).value()), "duplicate type for " + type);
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void roundTripsThroughTheEnvelope(Class<? extends DomainEvent> type) {
        DomainEvent event = EventFixtures.all().get(type);
        EventEnvelope sent = EventCodec.envelope(event, "/testtrack/test", TIME, "req-1");

        EventEnvelope received = EventCodec.read(EventCodec.write(sent));

        assertEquals(sent, received);
        assertEquals(event.aggregateId(), received.subject());
        assertEquals(EventCatalog.describe(type).version(), received.dataversion());
        assertEquals(event, EventCodec.payload(received).orElseThrow());
    }

    /**
     * The guard against incompatible changes: the JSON that the first version of every event
     * wrote must still read into an equal record (the fields a later version added read as
     * null). A renamed or retyped field fails here, and so does a field added without raising
     * the version.
     */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void storedV1SampleStillReads(Class<? extends DomainEvent> type) throws IOException {
        String name = EventCatalog.describe(type).value();
        String json = sample(name);

        EventEnvelope envelope = EventCodec.read(json);

        assertEquals(name, envelope.type());
        assertEquals("1.0", envelope.specversion());
        ObjectNode current = EventCodec.mapper().valueToTree(EventFixtures.all().get(type));
        Set<String> v1Fields = new HashSet<>();
        envelope.data().fieldNames().forEachRemaining(v1Fields::add);
        Set<String> currentFields = new HashSet<>();
        current.fieldNames().forEachRemaining(currentFields::add);
        assertTrue(currentFields.containsAll(v1Fields), "fields of version 1 are gone from " + name + ": " + v1Fields);
        if (EventCatalog.describe(type).version() == 1) {
            assertEquals(v1Fields, currentFields, name + " has new fields: raise its version");
        }
        current.retain(v1Fields);
        assertEquals(EventCodec.mapper().treeToValue(current, type), EventCodec.payload(envelope).orElseThrow());
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        String json = """
                {"specversion":"1.0","id":"e1","source":"/testtrack/auth-service","type":"testtrack.access.ProjectArchived",
                 "time":"2026-11-20T10:15:30Z","subject":"33333333-3333-4333-8333-333333333333","dataversion":2,
                 "data":{"projectId":"33333333-3333-4333-8333-333333333333","archivedBy":null,"reason":"merged"}}
                """;
        DomainEvent event = EventCodec.payload(EventCodec.read(json)).orElseThrow();
        assertEquals(EventFixtures.PROJECT.toString(), event.aggregateId());
    }

    @Test
    void anUnknownTypeReadsAsEmptyNotAsAnError() {
        String json = """
                {"specversion":"1.0","id":"e2","type":"testtrack.future.SomethingHappened","data":{}}
                """;
        assertTrue(EventCodec.payload(EventCodec.read(json)).isEmpty());
    }

    @Test
    void garbageIsAMalformedEvent() {
        assertThrows(EventCodec.MalformedEventException.class, () -> EventCodec.read("not json"));
        assertThrows(EventCodec.MalformedEventException.class, () -> EventCodec.read("{\"id\":\"x\"}"));
    }

    private static String sample(String type) throws IOException {
        String resource = "/event-samples/v1/" + type + ".json";
        try (InputStream in = EventCodecTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no stored sample " + resource + "; write it once with "
                        + "EventSampleWriter (see its javadoc)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
