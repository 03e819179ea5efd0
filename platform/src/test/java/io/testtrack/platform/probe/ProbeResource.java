package io.testtrack.platform.probe;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.events.EventCodec;
import io.testtrack.events.EventEnvelope;
import io.testtrack.platform.error.AccessDeniedException;
import io.testtrack.platform.error.AuthenticationRequiredException;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.InvalidRequestException;
import io.testtrack.platform.error.PayloadTooLargeException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.inbox.EventConsumer;
import io.testtrack.platform.inbox.Inbox;
import io.testtrack.platform.outbox.Outbox;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Test-only endpoints that drive the outbox and the error mappers the way a service would. */
@Path("/probe")
public class ProbeResource {

    private final Outbox outbox;
    private final Inbox inbox;
    private final EventConsumer events;

    public ProbeResource(Outbox outbox, Inbox inbox, EventConsumer events) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.events = events;
    }

    public record Poll(String consumer, String aggregate, int count, EventConsumer.OnBadEvent onBadEvent) {
    }

    /**
     * Hands {@code count} new probe events of one aggregate to {@code consumer} as one poll, as
     * the Kafka connector would, with the probe's change (see {@link ProbeConsumer}).
     */
    @POST
    @Path("/consume")
    public Uni<Void> consume(Poll poll) {
        List<ConsumerRecord<String, String>> records = IntStream.range(0, poll.count())
                .mapToObj(seq -> new ConsumerRecord<>(ProbeRecorded.TOPIC, 0, seq, poll.aggregate(), EventCodec.write(
                        EventCodec.envelope(new ProbeRecorded(poll.aggregate(), seq), "/testtrack/probe", Instant.now(), null))))
                .toList();
        return events.applyPoll(poll.consumer(), records, poll.onBadEvent(),
                envelope -> ProbeConsumer.apply(poll.consumer(), "probe_applied", envelope));
    }

    public record Batch(String aggregate, int from, int count, boolean failAfterRecording) {
    }

    /** Records {@code count} events for one aggregate in one transaction; rolls back when asked. */
    @POST
    @Path("/events")
    public Uni<List<String>> record(Batch batch) {
        return Panache.withTransaction(() -> Multi.createFrom().range(batch.from(), batch.from() + batch.count())
                .onItem().transformToUniAndConcatenate(seq -> outbox.record(new ProbeRecorded(batch.aggregate(), seq)))
                .map(EventEnvelope::id)
                .collect().asList()
                .invoke(() -> {
                    if (batch.failAfterRecording()) {
                        throw new ConflictException("the change after the event failed");
                    }
                }));
    }

    /**
     * Records {@code count} events per aggregate in one call of the bulk path, the aggregates
     * interleaved (a0 0, a1 0, a0 1, …); rolls back when asked.
     */
    @POST
    @Path("/events/bulk")
    public Uni<Void> recordAll(List<Batch> batches) {
        List<ProbeRecorded> events = new java.util.ArrayList<>();
        int most = batches.stream().mapToInt(Batch::count).max().orElse(0);
        for (int i = 0; i < most; i++) {
            for (Batch batch : batches) {
                if (i < batch.count()) {
                    events.add(new ProbeRecorded(batch.aggregate(), batch.from() + i));
                }
            }
        }
        boolean fail = batches.stream().anyMatch(Batch::failAfterRecording);
        return Panache.withTransaction(() -> outbox.recordAll(events).invoke(() -> {
            if (fail) {
                throw new ConflictException("the change after the events failed");
            }
        }));
    }

    public record Claim(String consumer, List<String> eventIds, boolean failAfterClaiming) {
    }

    /** Claims the events (probe envelopes with these ids) in one transaction; answers the ids that were new. */
    @POST
    @Path("/inbox/claim")
    public Uni<List<String>> claim(Claim claim) {
        List<EventEnvelope> envelopes = claim.eventIds().stream().map(id -> new EventEnvelope(EventEnvelope.SPEC_VERSION, id,
                "/testtrack/probe", "testtrack.platform-test.ProbeRecorded", Instant.now(), "probe", EventEnvelope.CONTENT_TYPE, 1, null,
                EventCodec.mapper().createObjectNode())).toList();
        return Panache.withTransaction(() -> inbox.claimAll(claim.consumer(), envelopes).map(fresh -> {
            if (claim.failAfterClaiming()) {
                throw new ConflictException("the change after the claim failed");
            }
            return fresh.stream().map(EventEnvelope::id).toList();
        }));
    }

    /** Records without a transaction, which the outbox must refuse. */
    @POST
    @Path("/events/untransacted")
    public Uni<String> recordWithoutTransaction(Batch batch) {
        return outbox.record(new ProbeRecorded(batch.aggregate(), batch.from())).map(EventEnvelope::id);
    }

    @GET
    @Path("/problems/{kind}")
    public String fail(@PathParam("kind") String kind) {
        throw switch (kind) {
            case "not-found" -> new ResourceNotFoundException("Test case TT-9 does not exist.");
            case "conflict" -> new ConflictException("Version 3 is stale; the case is at version 4.");
            case "forbidden" -> new AccessDeniedException("Viewers cannot edit test cases.");
            case "unauthorized" -> new AuthenticationRequiredException("The access token has expired.");
            case "invalid" -> new InvalidRequestException("Steps must be numbered 1..n without gaps.");
            case "too-large" -> new PayloadTooLargeException("The description is over 1 MB.");
            default -> new IllegalStateException("SELECT password_hash FROM auth.users WHERE id = 42 failed");
        };
    }

    public enum Priority { CRITICAL, HIGH, MEDIUM, LOW }

    public record Signup(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String name,
            @NotNull Priority priority,
            @Min(0) @Max(1000) int estimate,
            @Size(max = 3) List<@NotBlank String> tags) {
    }

    @POST
    @Path("/validated")
    public Signup validated(@Valid Signup signup) {
        return signup;
    }
}
