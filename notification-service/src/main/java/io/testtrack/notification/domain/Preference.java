package io.testtrack.notification.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One user's choices for one event type ({@code DefectAssigned}, {@code ChatMessagePosted}, …):
 * in the app or not, by e-mail (now, in the daily digest, or not), and whether every event of the
 * type in the user's projects counts, not only those that concern the user.
 */
public record Preference(
        @NotNull @Pattern(regexp = "[A-Z][A-Za-z]{2,63}", message = "is an event type such as DefectAssigned") String eventType,
        @NotNull Boolean inApp,
        @NotNull Email email,
        @NotNull Boolean allProjects) {

    public enum Email {
        NONE, IMMEDIATE, DIGEST
    }
}
