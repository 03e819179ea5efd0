package io.testtrack.notification.api;

import io.testtrack.notification.domain.Preference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request and response bodies of the notification API. */
public final class NotificationDtos {

    private NotificationDtos() {
    }

    public record UnreadCount(long unread) {
    }

    public record Updated(long updated) {
    }

    public record Preferences(@NotNull @Size(max = 100) List<@Valid @NotNull Preference> preferences) {
    }
}
