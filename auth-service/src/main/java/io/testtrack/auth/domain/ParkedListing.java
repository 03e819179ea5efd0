package io.testtrack.auth.domain;

import io.testtrack.platform.inbox.ParkedEvents;
import java.time.Instant;
import java.util.List;

/**
 * Every service's parked events in one list, newest first; {@code unreachable} names the services
 * that did not answer, {@code nextCursor} is the {@code until} of the next page (null on the last).
 */
public record ParkedListing(List<ParkedEvents.Parked> items, List<String> unreachable, Instant nextCursor) {
}
