package io.testtrack.notification.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Where live messages go: a project's activity ({@code project:<id>}), a run's activity and
 * presence ({@code run:<id>}), or one user's notifications ({@code user:<id>}, never subscribed
 * to: every authenticated socket has its own).
 */
public record Channel(Kind kind, UUID id) {

    public enum Kind {
        PROJECT, RUN, USER
    }

    public static Channel project(UUID id) {
        return new Channel(Kind.PROJECT, id);
    }

    public static Channel run(UUID id) {
        return new Channel(Kind.RUN, id);
    }

    public static Channel user(UUID id) {
        return new Channel(Kind.USER, id);
    }

    /** A channel a client may name ({@code project:<id>} or {@code run:<id>}); empty for anything else. */
    public static Optional<Channel> parseSubscribable(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        Kind kind = switch (text.substring(0, colon)) {
            case "project" -> Kind.PROJECT;
            case "run" -> Kind.RUN;
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Channel(kind, UUID.fromString(text.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Any channel, the user's own included: as the bus names them. */
    public static Optional<Channel> parse(String text) {
        if (text != null && text.startsWith("user:")) {
            try {
                return Optional.of(user(UUID.fromString(text.substring(5))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return parseSubscribable(text);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }
}
